package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.ColumnUse;
import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.internal.rewrite.Occurrence;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;

/** FROM items and joins: the range variables a FROM clause defines, JOIN USING and NATURAL merges, LATERAL. */
final class FromClauses {

    private final Resolver r;

    FromClauses(Resolver r) {
        this.r = r;
    }

    void fromItem(FromItem fi, Scope scope, int depth) {
        List<RangeVar> added = fromItemVars(fi, scope, depth);
        for (RangeVar v : added) {
            scope.vars.add(v);
            for (Col c : v.cols) scope.star.add(new StarEntry(c, v));
        }
    }

    /** Range variables one FROM item contributes (several for a parenthesized join). */
    List<RangeVar> fromItemVars(FromItem fi, Scope scope, int depth) {
        if (fi.getPivot() != null || fi.getUnPivot() != null) throw new Unsupported("PIVOT");
        if (fi instanceof Table t) return List.of(r.table(t, scope, depth));
        if (fi instanceof LateralSubSelect ls) {
            Scope lateral = lateralScope(scope);
            List<Out> outs = deferred(() -> r.query(ls.getSelect(), lateral, Clause.OUTPUT, depth + 1));
            return List.of(derivedVar(ls.getAlias(), outs, "LATERAL subquery"));
        }
        if (fi instanceof ParenthesedSelect ps) {
            List<Out> outs = deferred(() -> r.query(ps.getSelect(), cteOnly(scope), Clause.OUTPUT, depth + 1));
            return List.of(derivedVar(ps.getAlias(), outs, "subquery"));
        }
        if (fi instanceof ParenthesedFromItem pfi) {
            if (pfi.getAlias() != null && (pfi.getJoins() == null || pfi.getJoins().isEmpty())
                    && pfi.getFromItem() instanceof Values v && v.getAlias() == null) {
                List<Out> outs = deferred(() -> r.values(v, cteOnly(scope), Clause.OUTPUT, depth + 1));
                return List.of(derivedVar(pfi.getAlias(), outs, "VALUES"));
            }
            if (pfi.getAlias() != null) throw new Unsupported("alias on a parenthesized join");
            Scope inner = new Scope(scope.colParent, scope);
            fromItem(pfi.getFromItem(), inner, depth);
            if (pfi.getJoins() != null) for (Join j : pfi.getJoins()) join(j, inner, depth);
            for (Map.Entry<String, Col> m : inner.merged.entrySet()) scope.merged.put(m.getKey(), m.getValue());
            scope.star.addAll(inner.star);
            // the variables are added to the outer scope by the caller; star entries were added here already
            List<RangeVar> vars = new ArrayList<>(inner.vars);
            scope.vars.addAll(vars);
            return List.of();
        }
        if (fi instanceof TableFunction tf) return List.of(tableFunction(tf, scope, depth));
        if (fi instanceof Values v) {
            List<Out> outs = deferred(() -> r.values(v, cteOnly(scope), Clause.OUTPUT, depth + 1));
            return List.of(derivedVar(v.getAlias(), outs, "VALUES"));
        }
        throw new Unsupported(fi.getClass().getSimpleName() + " in FROM");
    }

    /** A scope for a non-lateral FROM subquery: it sees enclosing queries and CTEs, not its siblings. */
    static Scope cteOnly(Scope scope) {
        return new Scope(scope.colParent, scope);
    }

    static Scope lateralScope(Scope scope) {
        Scope s = new Scope(scope.colParent, scope);
        s.vars.addAll(scope.vars);
        s.merged.putAll(scope.merged);
        return s;
    }

    /**
     * Resolves a derived table's query: its outputs go wherever the enclosing query sends the columns it reads from
     * it (known once the enclosing query is resolved), not where the enclosing query's own values go.
     */
    List<Out> deferred(java.util.function.Supplier<List<Out>> query) {
        FlowNode outputs = r.outputs;
        FlowNode item = r.item;
        r.outputs = null;
        r.item = null;
        try {
            return query.get();
        } finally {
            r.outputs = outputs;
            r.item = item;
        }
    }

    RangeVar derivedVar(net.sf.jsqlparser.expression.Alias alias, List<Out> outs, String what) {
        List<Col> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (alias != null && alias.getAliasColumns() != null) {
            for (var ac : alias.getAliasColumns()) names.add(r.fold(ac.name));
            if (names.size() > outs.size()) throw new Unsupported(what + " alias names more columns than it returns");
        }
        for (int i = 0; i < outs.size(); i++) {
            String n = i < names.size() ? names.get(i) : outs.get(i).label();
            cols.add(new Col(n, outs.get(i).lin(), ColumnReference.Origin.DERIVED, Col.of(outs.get(i))));
        }
        String name = alias == null ? null : r.fold(alias.getName());
        String qualifier = alias == null ? null : r.dialect.quoteIdentifier(name);
        return new RangeVar(name, null, qualifier, cols);
    }

    RangeVar tableFunction(TableFunction tf, Scope scope, int depth) {
        Function f = tf.getFunction();
        if (f == null || tf.isRowsFrom()) throw new Unsupported("ROWS FROM");
        // the function's arguments go wherever its columns go
        FlowNode node = FlowNode.open();
        FlowNode item = r.item;
        r.item = node;
        Lin lin;
        try {
            lin = r.expr(f, lateralScope(scope), Clause.OUTPUT, depth, null).asDerived();
        } finally {
            r.item = item;
        }
        FunctionCategory cat = r.classify(f.getName());
        if (cat != FunctionCategory.SCALAR) throw new Unsupported("table function "
                + f.getName().toLowerCase(Locale.ROOT) + " (" + cat + ")");
        String fname = Labels.lastPart(f.getName()).toLowerCase(Locale.ROOT);
        if (!Set.of("generate_series", "unnest", "system_range", "regexp_split_to_table", "json_array_elements",
                "jsonb_array_elements", "json_array_elements_text", "jsonb_array_elements_text", "generate_subscripts",
                "json_each", "jsonb_each", "json_each_text", "jsonb_each_text", "json_object_keys",
                "jsonb_object_keys", "string_to_table").contains(fname)) {
            throw new Unsupported("table function " + fname);
        }
        List<Col> cols = new ArrayList<>();
        net.sf.jsqlparser.expression.Alias alias = tf.getAlias();
        if (alias != null && alias.getAliasColumns() != null) {
            for (var ac : alias.getAliasColumns()) cols.add(new Col(r.fold(ac.name), lin,
                    ColumnReference.Origin.DERIVED, List.of(node)));
        } else {
            int arguments = f.getParameters() == null ? 0 : f.getParameters().size();
            for (String colName : r.dialect.rules().tableFunctionColumns(fname,
                    alias == null ? null : r.fold(alias.getName()), arguments)) {
                cols.add(new Col(colName, lin, ColumnReference.Origin.DERIVED, List.of(node)));
            }
        }
        String name = alias == null ? fname : r.fold(alias.getName());
        return new RangeVar(name, null, r.dialect.quoteIdentifier(name), cols);
    }

    void join(Join j, Scope scope, int depth) {
        if (j.isApply() || j.isWindowJoin() || j.isAsOf() || j.isArray()
                || j.isFetch()) throw new Unsupported("join form " + j);
        FromItem right = j.getFromItem();
        boolean lateral = right instanceof LateralSubSelect || right instanceof TableFunction;
        List<StarEntry> leftStar = scope.star;
        scope.star = new ArrayList<>();
        List<RangeVar> added = lateral ? fromItemVarsLateral(right, scope, depth) : fromItemVars(right, scope, depth);
        List<StarEntry> rightStar = new ArrayList<>(scope.star);
        for (RangeVar v : added) {
            scope.vars.add(v);
            for (Col c : v.cols) rightStar.add(new StarEntry(c, v));
        }
        List<String> usingNames = new ArrayList<>();
        if (j.getUsingColumns() != null && !j.getUsingColumns().isEmpty()) {
            for (Column c : j.getUsingColumns()) {
                r.markColumn(c);
                usingNames.add(r.fold(c.getColumnName()));
            }
        } else if (j.isNatural()) {
            for (StarEntry l : leftStar) {
                for (StarEntry rightSide : rightStar) {
                    if (r.sameCol(l.col().name,
                            rightSide.col().name) && !usingNames.contains(l.col().name)) usingNames.add(l.col().name);
                }
            }
        }
        if (usingNames.isEmpty()) {
            leftStar.addAll(rightStar);
            scope.star = leftStar;
        } else {
            List<StarEntry> star = new ArrayList<>();
            List<StarEntry> restLeft = new ArrayList<>(leftStar);
            List<StarEntry> restRight = new ArrayList<>(rightStar);
            for (String n : usingNames) {
                StarEntry l = takeUnique(restLeft, n, "left");
                StarEntry rightSide = takeUnique(restRight, n, "right");
                // the merged column is the value of one side or the other (coalesce): stored values unless both
                // sides were computed by the statement's own derived tables
                ColumnReference.Origin origin = l.col().origin == ColumnReference.Origin.DERIVED
                        && rightSide.col().origin == ColumnReference.Origin.DERIVED ? ColumnReference.Origin.DERIVED
                        : ColumnReference.Origin.BASE_TABLE;
                List<FlowNode> produced = new ArrayList<>(l.col().producers);
                produced.addAll(rightSide.col().producers);
                Col m = new Col(l.col().name, l.col().lin.merge(rightSide.col().lin), origin, produced);
                scope.merged.put(n.toLowerCase(Locale.ROOT), m);
                star.add(new StarEntry(m, null, mergedReference(l, rightSide)));
                Set<BaseColumn> src = m.lin.sources;
                r.uses.add(new ColumnUse(Clause.JOIN_USING, n, src));
                ColumnReference cr = new ColumnReference(r.statementIndex, n, Clause.JOIN_USING,
                        ColumnReference.Kind.USING_COLUMN, ColumnReference.Origin.DERIVED, src, true, depth > 0, null);
                Occurrence occurrence = new Occurrence(cr, -1, -1, null);
                r.draft.occurrences.add(occurrence);
                Flows.record(r, occurrence, FlowNode.open().feeds(r.selecting, false), produced);
            }
            star.addAll(restLeft);
            star.addAll(restRight);
            scope.star = star;
        }
        if (j.getOnExpressions() != null) {
            for (Expression on : j.getOnExpressions()) r.expr(on, scope, Clause.JOIN_ON, depth, null);
        }
    }

    /**
     * How a rewritten {@code *} names a merged join column: unqualified in PostgreSQL and MariaDB; H2 rejects the
     * bare name as ambiguous, so there it is the coalesce of both sides (which is what the merged column is).
     */
    String mergedReference(StarEntry l, StarEntry rightSide) {
        String name = r.dialect.quoteIdentifier(l.col().name);
        if (!r.dialect.rules().mergedColumnsNeedCoalesce()) return name;
        String left = l.merged() != null ? l.merged() : l.var() == null || l.var().qualifier == null ? null
                : l.var().qualifier + "." + r.dialect.quoteIdentifier(l.col().name);
        String right = rightSide.merged() != null ? rightSide.merged()
                : rightSide.var() == null || rightSide.var().qualifier == null ? null
                : rightSide.var().qualifier + "." + r.dialect.quoteIdentifier(rightSide.col().name);
        if (left == null || right == null) return null;
        return "COALESCE(" + left + ", " + right + ")";
    }

    List<RangeVar> fromItemVarsLateral(FromItem fi, Scope scope, int depth) {
        if (fi instanceof TableFunction tf) return List.of(tableFunction(tf, scope, depth));
        return fromItemVars(fi, scope, depth);
    }

    StarEntry takeUnique(List<StarEntry> list, String name, String side) {
        StarEntry found = null;
        for (StarEntry e : list) {
            if (r.sameCol(e.col().name, name)) {
                if (found != null) throw new Unsupported("join column " + name + " is ambiguous on the " + side
                        + " side");
                found = e;
            }
        }
        if (found == null) throw new Unsupported("join column " + name + " not found on the " + side + " side");
        list.remove(found);
        return found;
    }
}
