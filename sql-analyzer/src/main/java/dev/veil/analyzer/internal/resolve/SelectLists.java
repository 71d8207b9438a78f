package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.internal.rewrite.ItemInfo;
import dev.veil.analyzer.internal.rewrite.Occurrence;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.SelectItem;

/** Select lists (and RETURNING): their items, labels, {@code *} expansions and qualified sources. */
final class SelectLists {

    private final Resolver r;

    SelectLists(Resolver r) {
        this.r = r;
    }

    List<Out> selectItems(List<SelectItem<?>> items, Scope scope, Clause valueClause, int depth) {
        List<Out> outs = new ArrayList<>();
        for (SelectItem<?> si : items) {
            Expression e = si.getExpression();
            int[] itemSpan = r.span(si);
            if (e instanceof AllTableColumns atc) {
                RangeVar v = r.qualifiedVar(atc.getTable(), scope);
                r.markTable(atc.getTable());
                if (v == null) throw new Unsupported("unknown relation " + atc.getTable() + " in " + atc);
                ItemInfo info = new ItemInfo(pos(r.span(atc), itemSpan, 0), pos(r.span(atc), itemSpan, 1), false, null,
                        true);
                boolean local = containsIdentical(scope.vars, v);
                for (Col c : v.cols) outs.add(starColumn(info, new StarEntry(c, v), valueClause,
                        scope.distinct, depth, local));
                r.draft.items.add(info);
            } else if (e instanceof AllColumns ac) {
                if (ac.getExceptColumns() != null
                        || ac.getReplaceExpressions() != null) throw new Unsupported("* EXCEPT/REPLACE");
                if (scope.star.isEmpty()) throw new Unsupported("* without a FROM clause");
                ItemInfo info = new ItemInfo(pos(r.span(ac), itemSpan, 0), pos(r.span(ac), itemSpan, 1), false, null,
                        true);
                for (StarEntry se : scope.star) {
                    outs.add(starColumn(info, se, valueClause, scope.distinct, depth, true));
                }
                r.draft.items.add(info);
            } else {
                String exprText = itemSpan == null ? e.toString() : r.source(r.span(e) != null ? r.span(e) : itemSpan);
                String label = si.getAlias() != null ? Labels.alias(r.dialect, si.getAlias().getName())
                        : Labels.of(r.dialect, e, exprText);
                if (si.getAlias() != null
                        && si.getAlias().getAliasColumns() != null) throw new Unsupported("column alias list");
                // the item's value goes where the block's values go (and is compared by SELECT DISTINCT)
                FlowNode node = r.outputNode(scope.distinct);
                FlowNode item = r.item;
                r.item = node;
                Lin lin;
                try {
                    lin = r.expr(e, scope, valueClause, depth, null,
                            Resolver.unwrap(e) instanceof Column ? label : null);
                } finally {
                    r.item = item;
                }
                String source = Resolver.unwrap(e) instanceof Column c ? localSource(c, scope) : null;
                outs.add(new Out(label, lin, source, false, node));
                if (itemSpan != null) r.draft.items.add(new ItemInfo(itemSpan[0], itemSpan[1], si.getAlias() != null,
                        label, false));
                else r.draft.rewriteBlocker = "select item without position: " + label;
            }
        }
        return outs;
    }

    static int pos(int[] primary, int[] fallback, int i) {
        if (primary != null) return primary[i];
        return fallback == null ? -1 : fallback[i];
    }

    /** {@code local}: the column belongs to a range variable of the block's own FROM clause. */
    Out starColumn(ItemInfo info, StarEntry se, Clause clause, boolean distinct, int depth, boolean local) {
        Col c = se.col();
        RangeVar v = se.var();
        String ref;
        if (v == null) ref = se.merged();
        else if (v.qualifier == null) ref = null;
        else ref = v.qualifier + "." + r.dialect.quoteIdentifier(c.name);
        ColumnReference cr = new ColumnReference(r.statementIndex, ref == null ? c.name : ref, clause,
                ColumnReference.Kind.STAR_COLUMN, c.origin, c.lin.sources, c.lin.derived, depth > 0, c.name);
        Occurrence o = new Occurrence(cr, -1, -1, info);
        r.draft.occurrences.add(o);
        FlowNode node = r.outputNode(distinct);
        Flows.record(r, o, node, c.producers);
        info.starColumns.add(new ItemInfo.StarColumn(ref, c.name, o, v == null));
        String source = local && v != null && v.qualifier != null && c.origin != ColumnReference.Origin.DERIVED
                ? qualified(v, c) : null;
        return new Out(c.name, c.lin, source, false, node);
    }

    /**
     * A reference to a stored input column (of a table or view) of the block's own FROM clause that the database
     * cannot bind to anything else: qualified with its range variable. Null when there is none (outer columns, USING
     * columns, unnamed relations, columns of derived tables and CTEs).
     */
    String localSource(Column c, Scope scope) {
        String colName = r.fold(c.getColumnName());
        Table q = c.getTable();
        RangeVar var = null;
        Col col = null;
        if (q != null && q.getName() != null) {
            RangeVar v = r.qualifiedVar(q, scope);
            if (v == null || !containsIdentical(scope.vars, v)) return null;
            var = v;
            col = r.findCol(v, colName);
        } else {
            if (scope.merged.containsKey(colName.toLowerCase(Locale.ROOT))) return null;
            for (RangeVar v : scope.vars) {
                Col x = r.findCol(v, colName);
                if (x == null) continue;
                if (col != null) return null;
                var = v;
                col = x;
            }
        }
        // only a stored value: a derived table's column may itself be masked
        if (var == null || col == null || var.qualifier == null || col.origin == ColumnReference.Origin.DERIVED) {
            return null;
        }
        return qualified(var, col);
    }

    static boolean containsIdentical(List<RangeVar> vars, RangeVar v) {
        for (RangeVar x : vars) if (x == v) return true;
        return false;
    }

    /** {@code var.col}, each part quoted only when the dialect needs it. */
    String qualified(RangeVar var, Col col) {
        String qualifier = var.qualifier.equals(r.dialect.quoteIdentifier(var.name))
                ? Identifiers.quoteIfNeeded(r.dialect, var.name)
                : var.qualifier;
        return qualifier + "." + Identifiers.quoteIfNeeded(r.dialect, col.name);
    }
}
