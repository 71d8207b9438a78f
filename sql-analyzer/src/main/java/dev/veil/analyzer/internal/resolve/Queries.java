package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/** Query expressions: set operations, parenthesized queries, VALUES lists and the CTEs of a WITH list. */
final class Queries {

    private final Resolver r;

    Queries(Resolver r) {
        this.r = r;
    }

    /**
     * Resolves a query.
     *
     * @param outer       the scope for correlated references and CTEs (null at top level)
     * @param valueClause the clause of this block's select-list references (OUTPUT, or WRITE_VALUE for the source
     *                    of an INSERT … SELECT or CREATE TABLE AS)
     * @param depth       0 for the statement's own top level
     */
    List<Out> query(Select sel, Scope outer, Clause valueClause, int depth) {
        FlowNode saved = r.outputs;
        FlowNode item = r.item;
        if (valueClause == Clause.WRITE_VALUE) r.outputs = r.writes;
        r.item = null;
        try {
            return resolveQuery(sel, outer, valueClause, depth);
        } finally {
            r.outputs = saved;
            r.item = item;
        }
    }

    private List<Out> resolveQuery(Select sel, Scope outer, Clause valueClause, int depth) {
        if (sel.getForClause() != null) throw new Unsupported("FOR XML/JSON clause");
        // PROCEDURE ANALYSE() returns statistics over the selected values (their minima and maxima)
        if (sel.getMySqlProcedureAnalyse() != null) throw new Unsupported("PROCEDURE ANALYSE");
        if (sel.getOption() != null) throw new Unsupported("OPTION clause");
        if (sel.getInterpolate() != null && !sel.getInterpolate().isEmpty()) throw new Unsupported("INTERPOLATE");
        // FOR UPDATE OF t names relations of this query to lock; it reads nothing more
        if (sel.getForUpdateTable() != null) r.markTable(sel.getForUpdateTable());
        if (sel.getForUpdateTables() != null) for (Table t : sel.getForUpdateTables()) r.markTable(t);
        Scope frame = withFrame(sel.getWithItemsList(), outer, true);
        List<Out> outs;
        if (sel instanceof PlainSelect ps) {
            outs = r.plain(ps, frame, valueClause, depth);
        } else if (sel instanceof SetOperationList so) {
            outs = setOperation(so, frame, valueClause, depth);
        } else if (sel instanceof ParenthesedSelect p) {
            if (p.getPivot() != null || p.getUnPivot() != null) throw new Unsupported("PIVOT");
            outs = query(p.getSelect(), frame, valueClause, depth);
            r.orderAndLimit(sel, null, outs, frame, depth);
        } else if (sel instanceof Values v) {
            outs = values(v, frame, valueClause, depth);
        } else {
            throw new Unsupported(sel.getClass().getSimpleName() + " query form");
        }
        return outs;
    }

    /**
     * The scope a WITH list defines over {@code outer}: each CTE resolved in order, seeing the ones before it; {@code
     * outer} itself when there is no WITH list. {@code recursiveAllowed}: false for the WITH list of a data-modifying
     * statement, where recursive CTEs are refused.
     */
    Scope withFrame(List<WithItem<?>> with, Scope outer, boolean recursiveAllowed) {
        if (with == null || with.isEmpty()) return outer;
        Scope frame = new Scope(outer, outer);
        for (WithItem<?> w : with) cte(w, frame, recursiveAllowed);
        return frame;
    }

    void cte(WithItem<?> w, Scope frame, boolean recursiveAllowed) {
        ParenthesedSelect body = cteBody(w);
        if (w.isRecursive() && !recursiveAllowed) throw new Unsupported("recursive CTE in a data-modifying statement");
        r.draft.recursive |= w.isRecursive();
        String name = r.fold(w.getAliasName());
        List<String> colNames = cteColumnNames(w);
        FlowNode outputs = r.outputs;
        // a CTE's outputs go wherever the statement sends the columns it reads from it; a recursive CTE's are
        // resolved several times over, and count as returned (masked where produced)
        r.outputs = w.isRecursive() ? Sinks.RETURNED : null;
        try {
            recursiveOrNot(w, body, frame, name, colNames);
        } finally {
            r.outputs = outputs;
        }
    }

    private void recursiveOrNot(WithItem<?> w, ParenthesedSelect body, Scope frame, String name,
                                List<String> colNames) {
        if (!w.isRecursive()) {
            List<Out> outs = query(body, frame, Clause.OUTPUT, 1);
            frame.ctes.put(name, cteColumns(name, colNames, outs));
            return;
        }
        // recursive: iterate to a fixpoint of the lineage, starting from the non-recursive branch
        Select first = body.getSelect() instanceof SetOperationList so ? so.getSelects().get(0) : body.getSelect();
        int mark = r.draft.occurrences.size();
        int markUses = r.uses.size();
        int markItems = r.draft.items.size();
        List<Out> outs = query(first, frame, Clause.OUTPUT, 1);
        List<Col> cols = cteColumns(name, colNames, outs);
        for (int i = 0; i < 8; i++) {
            rollback(mark, markUses, markItems);
            frame.ctes.put(name, cols);
            List<Out> next = query(body, frame, Clause.OUTPUT, 1);
            List<Col> nextCols = cteColumns(name, colNames, next);
            if (sameLineage(cols, nextCols)) {
                frame.ctes.put(name, nextCols);
                return;
            }
            cols = nextCols;
        }
        throw new Unsupported("recursive CTE " + name + " lineage does not converge");
    }

    /** The query a CTE names, after refusing the forms whose lineage the analyzer does not follow. */
    ParenthesedSelect cteBody(WithItem<?> w) {
        if (w.getWithFunctionDeclaration() != null) throw new Unsupported("WITH FUNCTION");
        if (w.getSearchClause() != null || w.getCycleClause() != null) throw new Unsupported("SEARCH/CYCLE clause");
        String name = r.fold(w.getAliasName());
        if (r.dialect.rules().tableShadowsCte() && r.relationExists(name)) {
            // H2 reads the table, not the CTE, when both have the name: the lineage would be the CTE's
            throw new Unsupported("WITH " + name + " has the name of a table, which H2 reads instead of it");
        }
        if (!(w.getParenthesedStatement() instanceof ParenthesedSelect body)) {
            throw new Unsupported("data-modifying statement in WITH");
        }
        return body;
    }

    /** The column names a CTE declares ({@code WITH c (a, b) AS …}); they name, they do not reference. */
    List<String> cteColumnNames(WithItem<?> w) {
        List<String> names = new ArrayList<>();
        if (w.getWithItemList() == null) return names;
        for (SelectItem<?> si : w.getWithItemList()) {
            if (!(si.getExpression() instanceof Column c) || c.getTable() != null && c.getTable().getName() != null) {
                throw new Unsupported("CTE column list entry " + si);
            }
            r.markColumn(c);
            names.add(r.fold(c.getColumnName()));
        }
        return names;
    }

    void rollback(int occurrences, int useCount, int items) {
        r.draft.occurrences.subList(occurrences, r.draft.occurrences.size()).clear();
        r.uses.subList(useCount, r.uses.size()).clear();
        r.draft.items.subList(items, r.draft.items.size()).clear();
    }

    static boolean sameLineage(List<Col> a, List<Col> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).lin.sources.equals(b.get(i).lin.sources) || a.get(i).lin.derived != b.get(i).lin.derived) {
                return false;
            }
        }
        return true;
    }

    List<Col> cteColumns(String name, List<String> colNames, List<Out> outs) {
        if (!colNames.isEmpty() && colNames.size() != outs.size()) {
            throw new Unsupported("CTE " + name + " names " + colNames.size() + " columns but returns " + outs.size());
        }
        List<Col> cols = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            cols.add(new Col(colNames.isEmpty() ? outs.get(i).label() : colNames.get(i), outs.get(i).lin(),
                    ColumnReference.Origin.DERIVED, Col.of(outs.get(i))));
        }
        return cols;
    }

    List<Out> setOperation(SetOperationList so, Scope frame, Clause valueClause, int depth) {
        List<Out> result = null;
        // a branch's LIMIT or empty WHERE bounds that branch, not the whole: only the set operation's own LIMIT counts
        Long bound = r.draft.rowBound;
        List<List<Out>> branches = new ArrayList<>();
        for (Select branch : so.getSelects()) {
            List<Out> outs = query(branch, frame, valueClause, depth);
            branches.add(outs);
            if (result == null) {
                result = new ArrayList<>(outs);
            } else {
                if (outs.size() != result.size()) throw new
                        Unsupported("set operation branches differ in column count");
                for (int i = 0; i < outs.size(); i++) {
                    Out first = result.get(i);
                    result.set(i, new Out(first.label(), first.lin().merge(outs.get(i).lin()), null));
                }
            }
        }
        if (result == null) throw new Unsupported("empty set operation");
        r.draft.rowBound = bound;
        // a LIMIT/FETCH written after the last, unparenthesized branch is the whole set operation's
        if (depth == 0 && so.getSelects().get(so.getSelects().size() - 1) instanceof PlainSelect last) {
            if (last.getLimit() != null && last.getLimit().getRowCount() instanceof LongValue lv) {
                r.bound(lv.getValue());
            }
            if (last.getFetch() != null && last.getFetch().getExpression() instanceof LongValue lv) {
                r.bound(lv.getValue());
            }
        }
        // every branch's output goes where the set operation's goes; UNION, INTERSECT and EXCEPT also compare them
        boolean compared = false;
        if (so.getOperations() != null) for (var op : so.getOperations()) compared |= !op.isAll();
        FlowNode outputs = r.outputs;
        if (valueClause == Clause.WRITE_VALUE) r.outputs = r.writes;
        try {
            for (int i = 0; i < result.size(); i++) {
                FlowNode node = r.outputNode(compared);
                for (List<Out> b : branches) if (b.get(i).node() != null) b.get(i).node().feeds(node, false);
                Out o = result.get(i);
                result.set(i, new Out(o.label(), o.lin(), o.source(), o.sameNameColumn(), node));
            }
        } finally {
            r.outputs = outputs;
        }
        r.orderAndLimit(so, null, result, frame, depth);
        return result;
    }

    /** A VALUES list: each output column the merge of its rows, labelled as the dialect labels it. */
    List<Out> values(Values v, Scope frame, Clause valueClause, int depth) {
        List<Lin> cols = new ArrayList<>();
        List<FlowNode> nodes = new ArrayList<>();
        List<String> firstTexts = new ArrayList<>();
        boolean first = true;
        FlowNode outputs = r.outputs;
        if (valueClause == Clause.WRITE_VALUE) r.outputs = r.writes;
        for (List<Expression> cells : rows(v)) {
            if (!first && cells.size() != cols.size()) throw new Unsupported("VALUES rows differ in length");
            for (int i = 0; i < cells.size(); i++) {
                if (first) nodes.add(r.outputNode(false));
                Lin l = cell(cells.get(i), nodes.get(i), frame, valueClause, depth);
                if (first) {
                    cols.add(l);
                    firstTexts.add(Optional.ofNullable(r.source(r.span(cells.get(i)))).orElse(cells.get(i).toString()));
                } else {
                    cols.set(i, cols.get(i).merge(l));
                }
            }
            first = false;
        }
        r.outputs = outputs;
        List<Out> outs = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            String label = r.dialect.rules().valuesColumnLabel(i + 1, firstTexts.get(i));
            outs.add(new Out(label, cols.get(i), nodes.get(i)));
        }
        return outs;
    }

    /** One VALUES cell: it produces the output of its column. */
    private Lin cell(Expression e, FlowNode node, Scope frame, Clause valueClause, int depth) {
        FlowNode item = r.item;
        r.item = node;
        try {
            return r.expr(e, frame, valueClause, depth, null);
        } finally {
            r.item = item;
        }
    }

    /**
     * The rows of a VALUES list. JSqlParser gives a single row as one parenthesized list of cells and several rows
     * as a list of parenthesized lists.
     */
    static List<List<Expression>> rows(Values v) {
        ExpressionList<?> list = v.getExpressions();
        List<List<Expression>> rows = new ArrayList<>();
        if (list instanceof ParenthesedExpressionList<?> single) {
            rows.add(new ArrayList<>(single));
            return rows;
        }
        for (Expression row : list) {
            List<Expression> cells = new ArrayList<>();
            if (row instanceof ParenthesedExpressionList<?> p) cells.addAll(p);
            else if (row instanceof net.sf.jsqlparser.expression.RowConstructor<?> rc) cells.addAll(rc);
            else cells.add(row);
            rows.add(cells);
        }
        return rows;
    }
}
