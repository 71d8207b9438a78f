package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.resolve.Binding;
import dev.veil.analyzer.internal.resolve.Builtins;
import dev.veil.analyzer.internal.resolve.Labels;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.NamedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Resolves the names of one parsed statement against the catalog and computes the lineage of every value. Anything
 * it cannot resolve exactly throws {@link Unsupported}, which makes the statement UNKNOWN.
 *
 * <p>Query blocks are resolved with scopes: a scope holds the range variables of one FROM clause (each with its
 * columns and their lineage), the CTEs defined at that level and the block's outputs. Column references are looked up
 * in the innermost scope first, then in enclosing ones (correlation). Every column reference the parser produced must
 * be visited; {@link #checkAllColumnsVisited} enforces that.
 */
final class Resolver {

    /** Thrown for anything not resolved exactly; the message names the construct, never a data value. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Lineage of each column of a view, computed from its definition. */
    record ViewInfo(List<Lin> columns, Set<TableName> reads, List<FunctionUse> functions, List<Hazard> hazards,
                    List<ColumnUse> uses) { }

    interface Views {
        ViewInfo resolve(Relation view, int depth);
    }

    // ---- scopes -------------------------------------------------------------------------------------------------

    static final class Col {
        final String name;
        final Lin lin;
        final ColumnReference.Origin origin;

        Col(String name, Lin lin, ColumnReference.Origin origin) {
            this.name = name;
            this.lin = lin;
            this.origin = origin;
        }
    }

    static final class RangeVar {
        /** The name a qualifier must match: the alias, or the table name when there is none. */
        final String name;
        final TableName table;
        /** How the rewriter qualifies this variable's columns; null when it cannot be referenced by name. */
        final String qualifier;
        final List<Col> cols;

        RangeVar(String name, TableName table, String qualifier, List<Col> cols) {
            this.name = name;
            this.table = table;
            this.qualifier = qualifier;
            this.cols = cols;
        }
    }

    /**
     * One column a {@code *} expands to. {@code merged} is the reference text for a JOIN USING/NATURAL column (its
     * variables' columns coalesced); null for ordinary columns.
     */
    record StarEntry(Col col, RangeVar var, String merged) {
        StarEntry(Col col, RangeVar var) {
            this(col, var, null);
        }
    }

    /**
     * One output column of a query block. {@code source} is set when the output is a plain reference to a column of
     * the block's own FROM clause: a qualified reference to that column (see {@link ColumnReference#qualifiedSource}).
     * A null {@code lin} marks an output not resolved yet (MariaDB window clauses see the select list's aliases).
     */
    record Out(String label, Lin lin, String source, boolean sameNameColumn) {
        Out(String label, Lin lin) {
            this(label, lin, null, false);
        }
    }

    /**
     * The outputs a bare name may bind to: {@code bare} applies to a name that is the whole item (parentheses
     * aside), {@code nested} to a name inside an expression. {@code sourceAllowed}: whether a reference bound to an
     * output may be given the output's qualified source.
     */
    record Aliases(List<Out> outputs, Binding bare, Binding nested, boolean sourceAllowed) { }

    static final class Scope {
        final Scope colParent;
        final Scope cteParent;
        final List<RangeVar> vars = new ArrayList<>();
        final Map<String, Col> merged = new HashMap<>();
        List<StarEntry> star = new ArrayList<>();
        final Map<String, List<Col>> ctes = new HashMap<>();
        List<Out> outputs = List.of();
        /** MariaDB: the select list's labels before it is resolved, for window clauses (which see them). */
        List<Out> pendingOutputs = List.of();
        /** SELECT DISTINCT (not DISTINCT ON): ORDER BY may only name what the select list returns. */
        boolean distinct;
        final Map<String, WindowDefinition> windows = new HashMap<>();

        Scope(Scope colParent, Scope cteParent) {
            this.colParent = colParent;
            this.cteParent = cteParent;
        }
    }

    // ---- state --------------------------------------------------------------------------------------------------

    private final Dialect dialect;
    private final Catalog catalog;
    private final Views views;
    private final String text;
    private final int base;
    private final StatementAnalysis.Draft draft;
    private final int viewDepth;
    private final int statementIndex;
    private final IdentityHashMap<Column, Boolean> visited = new IdentityHashMap<>();
    private final IdentityHashMap<Table, Boolean> visitedTables = new IdentityHashMap<>();
    private final List<ColumnUse> uses;
    /** While resolving ON DUPLICATE KEY UPDATE: the lineage of each inserted column, for VALUES(col). */
    Map<String, Lin> insertedValues;
    /** Offsets (in the analyzed text) of parameters the parser sees as {@link SqlLexer#PARAMETER_PLACEHOLDER}. */
    Set<Integer> parameterPlaceholders = Set.of();

    /**
     * @param text  the analyzed text (offsets refer to it)
     * @param base  offset of the parsed statement text within {@code text}
     */
    Resolver(Dialect dialect, Catalog catalog, Views views, String text, int base, StatementAnalysis.Draft draft,
             int viewDepth) {
        this.dialect = dialect;
        this.catalog = catalog;
        this.views = views;
        this.text = text;
        this.base = base;
        this.draft = draft;
        this.viewDepth = viewDepth;
        this.statementIndex = draft.index;
        this.uses = draft.columnUses;
    }

    // ---- names --------------------------------------------------------------------------------------------------

    String fold(String raw) {
        return Labels.name(dialect, raw);
    }

    private boolean sameCol(String a, String b) {
        return dialect.sameColumnName(a, b);
    }

    // ---- positions ----------------------------------------------------------------------------------------------

    /** [start, end) of a parsed node in the analyzed text, or null when the parser did not link one. */
    int[] span(Object o) {
        if (!(o instanceof ASTNodeAccess a)) return null;
        Node n = a.getASTNode();
        if (n == null || n.jjtGetFirstToken() == null || n.jjtGetLastToken() == null) return null;
        int s = n.jjtGetFirstToken().absoluteBegin - 1 + base;
        int e = n.jjtGetLastToken().absoluteEnd - 1 + base;
        if (s < 0 || e > text.length() || s >= e) return null;
        return new int[] {s, e};
    }

    String source(int[] span) {
        return span == null ? null : text.substring(span[0], span[1]);
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    /**
     * Resolves a query.
     *
     * @param outer       the scope for correlated references and CTEs (null at top level)
     * @param valueClause the clause of this block's select-list references (OUTPUT, or WRITE_VALUE for the source
     *                    of an INSERT … SELECT or CREATE TABLE AS)
     * @param depth       0 for the statement's own top level
     */
    List<Out> query(Select sel, Scope outer, Clause valueClause, int depth) {
        if (sel.getForClause() != null) throw new Unsupported("FOR XML/JSON clause");
        // PROCEDURE ANALYSE() returns statistics over the selected values (their minima and maxima)
        if (sel.getMySqlProcedureAnalyse() != null) throw new Unsupported("PROCEDURE ANALYSE");
        if (sel.getOption() != null) throw new Unsupported("OPTION clause");
        if (sel.getInterpolate() != null && !sel.getInterpolate().isEmpty()) throw new Unsupported("INTERPOLATE");
        // FOR UPDATE OF t names relations of this query to lock; it reads nothing more
        if (sel.getForUpdateTable() != null) visitedTables.put(sel.getForUpdateTable(), Boolean.TRUE);
        if (sel.getForUpdateTables() != null) for (Table t : sel.getForUpdateTables()) visitedTables.put(t, Boolean.TRUE);
        Scope frame = withFrame(sel.getWithItemsList(), outer, true);
        List<Out> outs;
        if (sel instanceof PlainSelect ps) {
            outs = plain(ps, frame, valueClause, depth);
        } else if (sel instanceof SetOperationList so) {
            outs = setOperation(so, frame, valueClause, depth);
        } else if (sel instanceof ParenthesedSelect p) {
            if (p.getPivot() != null || p.getUnPivot() != null) throw new Unsupported("PIVOT");
            outs = query(p.getSelect(), frame, valueClause, depth);
            orderAndLimit(sel, null, outs, frame, depth);
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

    private void cte(WithItem<?> w, Scope frame, boolean recursiveAllowed) {
        ParenthesedSelect body = cteBody(w);
        if (w.isRecursive() && !recursiveAllowed) throw new Unsupported("recursive CTE in a data-modifying statement");
        String name = fold(w.getAliasName());
        List<String> colNames = cteColumnNames(w);
        if (!w.isRecursive()) {
            List<Out> outs = query(body, frame, Clause.OUTPUT, 1);
            frame.ctes.put(name, cteColumns(name, colNames, outs));
            return;
        }
        // recursive: iterate to a fixpoint of the lineage, starting from the non-recursive branch
        Select first = body.getSelect() instanceof SetOperationList so ? so.getSelects().get(0) : body.getSelect();
        int mark = draft.occurrences.size();
        int markUses = uses.size();
        int markItems = draft.items.size();
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
    private ParenthesedSelect cteBody(WithItem<?> w) {
        if (w.getWithFunctionDeclaration() != null) throw new Unsupported("WITH FUNCTION");
        if (w.getSearchClause() != null || w.getCycleClause() != null) throw new Unsupported("SEARCH/CYCLE clause");
        String name = fold(w.getAliasName());
        if (dialect.rules().tableShadowsCte() && relationExists(name)) {
            // H2 reads the table, not the CTE, when both have the name: the lineage would be the CTE's
            throw new Unsupported("WITH " + name + " has the name of a table, which H2 reads instead of it");
        }
        if (!(w.getParenthesedStatement() instanceof ParenthesedSelect body)) {
            throw new Unsupported("data-modifying statement in WITH");
        }
        return body;
    }

    /** The column names a CTE declares ({@code WITH c (a, b) AS …}); they name, they do not reference. */
    private List<String> cteColumnNames(WithItem<?> w) {
        List<String> names = new ArrayList<>();
        if (w.getWithItemList() == null) return names;
        for (SelectItem<?> si : w.getWithItemList()) {
            if (!(si.getExpression() instanceof Column c) || c.getTable() != null && c.getTable().getName() != null) {
                throw new Unsupported("CTE column list entry " + si);
            }
            visited.put(c, Boolean.TRUE);
            names.add(fold(c.getColumnName()));
        }
        return names;
    }

    private void rollback(int occurrences, int useCount, int items) {
        draft.occurrences.subList(occurrences, draft.occurrences.size()).clear();
        uses.subList(useCount, uses.size()).clear();
        draft.items.subList(items, draft.items.size()).clear();
    }

    private static boolean sameLineage(List<Col> a, List<Col> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).lin.sources.equals(b.get(i).lin.sources) || a.get(i).lin.derived != b.get(i).lin.derived) {
                return false;
            }
        }
        return true;
    }

    private List<Col> cteColumns(String name, List<String> colNames, List<Out> outs) {
        if (!colNames.isEmpty() && colNames.size() != outs.size()) {
            throw new Unsupported("CTE " + name + " names " + colNames.size() + " columns but returns " + outs.size());
        }
        List<Col> cols = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            cols.add(new Col(colNames.isEmpty() ? outs.get(i).label() : colNames.get(i), outs.get(i).lin(),
                    ColumnReference.Origin.DERIVED));
        }
        return cols;
    }

    private List<Out> setOperation(SetOperationList so, Scope frame, Clause valueClause, int depth) {
        List<Out> result = null;
        for (Select branch : so.getSelects()) {
            List<Out> outs = query(branch, frame, valueClause, depth);
            if (result == null) {
                result = new ArrayList<>(outs);
            } else {
                if (outs.size() != result.size()) throw new Unsupported("set operation branches differ in column count");
                for (int i = 0; i < outs.size(); i++) {
                    Out r = result.get(i);
                    result.set(i, new Out(r.label(), r.lin().merge(outs.get(i).lin())));
                }
            }
        }
        if (result == null) throw new Unsupported("empty set operation");
        orderAndLimit(so, null, result, frame, depth);
        return result;
    }

    /** A VALUES list: each output column the merge of its rows, labelled as the dialect labels it. */
    List<Out> values(Values v, Scope frame, Clause valueClause, int depth) {
        List<Lin> cols = new ArrayList<>();
        List<String> firstTexts = new ArrayList<>();
        boolean first = true;
        for (List<Expression> cells : rows(v)) {
            if (!first && cells.size() != cols.size()) throw new Unsupported("VALUES rows differ in length");
            for (int i = 0; i < cells.size(); i++) {
                Lin l = expr(cells.get(i), frame, valueClause, depth, null);
                if (first) {
                    cols.add(l);
                    firstTexts.add(Optional.ofNullable(source(span(cells.get(i)))).orElse(cells.get(i).toString()));
                } else {
                    cols.set(i, cols.get(i).merge(l));
                }
            }
            first = false;
        }
        List<Out> outs = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            String label = dialect.rules().valuesColumnLabel(i + 1, firstTexts.get(i));
            outs.add(new Out(label, cols.get(i)));
        }
        return outs;
    }

    /**
     * The rows of a VALUES list. JSqlParser gives a single row as one parenthesized list of cells and several rows
     * as a list of parenthesized lists.
     */
    private static List<List<Expression>> rows(Values v) {
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

    private List<Out> plain(PlainSelect ps, Scope outer, Clause valueClause, int depth) {
        rejectUnsupported(ps);
        Scope scope = new Scope(outer, outer);
        if (ps.getFromItem() != null) {
            fromItem(ps.getFromItem(), scope, depth);
            if (ps.getJoins() != null) for (Join j : ps.getJoins()) join(j, scope, depth);
        }
        if (ps.getWindowDefinitions() != null) {
            for (WindowDefinition w : ps.getWindowDefinitions()) scope.windows.put(fold(w.getWindowName()), w);
        }
        if (ps.getWhere() != null) expr(ps.getWhere(), scope, Clause.WHERE, depth, null);
        if (ps.getPreWhere() != null) throw new Unsupported("PREWHERE");
        if (dialect.rules().selectAliasesInWindows()) scope.pendingOutputs = pendingOutputs(ps.getSelectItems());
        List<Out> outs = selectItems(ps.getSelectItems(), scope, valueClause, depth);
        scope.outputs = outs;
        scope.distinct = ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() == null;
        if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
            for (SelectItem<?> si : ps.getDistinct().getOnSelectItems()) {
                orderingExpr(si.getExpression(), scope, Clause.DISTINCT_ON, depth);
            }
        }
        GroupByElement g = ps.getGroupBy();
        if (g != null) {
            if (g.getGroupByExpressionList() != null) {
                for (Object e : g.getGroupByExpressionList()) orderingExpr((Expression) e, scope, Clause.GROUP_BY, depth);
            }
            if (g.getGroupingSets() != null) {
                for (ExpressionList<Expression> set : g.getGroupingSets()) {
                    for (Expression e : set) orderingExpr(e, scope, Clause.GROUP_BY, depth);
                }
            }
        }
        if (ps.getHaving() != null) expr(ps.getHaving(), scope, Clause.HAVING, depth, aliases(Clause.HAVING, scope));
        if (ps.getQualify() != null) expr(ps.getQualify(), scope, Clause.WHERE, depth, null);
        if (ps.getTop() != null) {
            if (ps.getTop().getExpression() instanceof LongValue lv && depth == 0) bound(lv.getValue());
            else if (ps.getTop().getExpression() != null) expr(ps.getTop().getExpression(), scope, Clause.OTHER, depth, null);
        }
        orderAndLimit(ps, scope, outs, outer, depth);
        if (ps.getIntoTables() != null && !ps.getIntoTables().isEmpty()) {
            if (depth != 0) throw new Unsupported("SELECT INTO in a subquery");
            selectInto(ps, outs);
        }
        if (ps.getMySqlSelectIntoClause() != null) mysqlInto(ps, depth);
        return outs;
    }

    private void rejectUnsupported(PlainSelect ps) {
        if (ps.getLateralViews() != null && !ps.getLateralViews().isEmpty()) throw new Unsupported("LATERAL VIEW");
        if (ps.getOracleHierarchical() != null) throw new Unsupported("CONNECT BY");
        if (ps.getKsqlWindow() != null) throw new Unsupported("KSQL window");
        if (ps.getPreferringClause() != null) throw new Unsupported("PREFERRING");
        if (ps.getForXmlPath() != null) throw new Unsupported("FOR XML PATH");
        if (ps.getIntoTempTable() != null) throw new Unsupported("INTO TEMP");
        if (ps.getSettings() != null && !ps.getSettings().isEmpty()) throw new Unsupported("SETTINGS clause");
        if (ps.getSampleClause() != null) throw new Unsupported("sample clause");
        if (ps.getPivot() != null || ps.getUnPivot() != null) throw new Unsupported("PIVOT");
    }

    private void bound(long n) {
        draft.rowBound = draft.rowBound == null ? n : Math.min(draft.rowBound, n);
    }

    /** ORDER BY, LIMIT, OFFSET and FETCH of a query; {@code scope} is null for set operations (outputs only). */
    private void orderAndLimit(Select sel, Scope scope, List<Out> outs, Scope outer, int depth) {
        Scope s = scope;
        if (s == null) {
            s = new Scope(outer, outer);
            s.outputs = outs;
            RangeVar v = new RangeVar(null, null, null, new ArrayList<>());
            for (Out o : outs) v.cols.add(new Col(o.label(), o.lin(), ColumnReference.Origin.DERIVED));
            s.vars.add(v);
        }
        if (sel.getOrderByElements() != null) {
            for (OrderByElement o : sel.getOrderByElements()) orderingExpr(o.getExpression(), s, Clause.ORDER_BY, depth);
        }
        if (sel.getLimit() != null) {
            Expression rc = sel.getLimit().getRowCount();
            if (rc instanceof LongValue lv && depth == 0) bound(lv.getValue());
            else if (rc != null) expr(rc, s, Clause.OTHER, depth, null);
            if (sel.getLimit().getOffset() != null) expr(sel.getLimit().getOffset(), s, Clause.OTHER, depth, null);
            if (sel.getLimit().getByExpressions() != null) throw new Unsupported("LIMIT BY");
        }
        if (sel.getOffset() != null && sel.getOffset().getOffset() != null) {
            expr(sel.getOffset().getOffset(), s, Clause.OTHER, depth, null);
        }
        if (sel.getFetch() != null) {
            if (sel.getFetch().getExpression() instanceof LongValue lv) {
                if (depth == 0) bound(lv.getValue());
            } else if (sel.getFetch().getExpression() != null) {
                expr(sel.getFetch().getExpression(), s, Clause.OTHER, depth, null);
            }
        }
        if (sel.getLimitBy() != null) throw new Unsupported("LIMIT BY");
    }

    /**
     * GROUP BY, ORDER BY and DISTINCT ON items: an output-column position, an output name, or an expression over the
     * inputs. Which of an output and an input column a bare name binds to depends on the dialect and the clause
     * ({@link #aliases}).
     */
    private void orderingExpr(Expression e, Scope scope, Clause clause, int depth) {
        if (e instanceof LongValue lv && positional(clause)) {
            long n = lv.getValue();
            if (n >= 1 && n <= scope.outputs.size()) {
                Out o = scope.outputs.get((int) n - 1);
                int[] sp = span(lv);
                String source = sourceAllowed(clause, scope) ? o.source() : null;
                ColumnReference cr = new ColumnReference(statementIndex, sp != null ? source(sp) : Long.toString(n), clause,
                        ColumnReference.Kind.OUTPUT_POSITION, ColumnReference.Origin.DERIVED, o.lin().sources,
                        o.lin().derived, depth > 0, null, Optional.ofNullable(source));
                draft.occurrences.add(new Occurrence(cr, sp == null ? -1 : sp[0], sp == null ? -1 : sp[1], null));
                uses.add(new ColumnUse(clause, Long.toString(n), o.lin().sources));
                return;
            }
        }
        expr(e, scope, clause, depth, aliases(clause, scope));
    }

    /** Whether a number in this clause names an output column: H2 groups by a constant ({@code GROUP BY 1}). */
    private boolean positional(Clause clause) {
        if (clause == Clause.DISTINCT_ON && !dialect.rules().distinctOn()) throw new Unsupported("DISTINCT ON outside PostgreSQL");
        return !(clause == Clause.GROUP_BY && !dialect.rules().groupByPosition());
    }

    private static boolean sourceAllowed(Clause clause, Scope scope) {
        // SELECT DISTINCT … ORDER BY must order by what it returns (PostgreSQL and H2 refuse anything else)
        return !(clause == Clause.ORDER_BY && scope.distinct);
    }

    /**
     * Which output names a clause sees, as the databases bind them (checked on PostgreSQL 15, MariaDB 10.11 and H2
     * 2.3): ORDER BY and DISTINCT ON bind a bare name to an output column first everywhere; GROUP BY binds it to an
     * input column first except in H2; inside expressions only MariaDB sees output aliases, after inputs; MariaDB
     * HAVING and window clauses see them too (window ORDER BY even before inputs).
     */
    private Aliases aliases(Clause clause, Scope scope) {
        return aliases(clause, scope, scope.outputs);
    }

    private Aliases aliases(Clause clause, Scope scope, List<Out> outputs) {
        Binding bare = dialect.rules().bareBinding(clause);
        Binding nested = dialect.rules().nestedBinding(clause);
        if (bare == Binding.INPUT_ONLY && nested == Binding.INPUT_ONLY) return null;
        return new Aliases(outputs, bare, nested, sourceAllowed(clause, scope));
    }

    /** MariaDB: the labels of the explicit select items, for window clauses resolved before the select list is. */
    private List<Out> pendingOutputs(List<SelectItem<?>> items) {
        List<Out> out = new ArrayList<>();
        for (SelectItem<?> si : items) {
            Expression e = si.getExpression();
            if (e instanceof AllColumns || e instanceof AllTableColumns) continue;
            String label = si.getAlias() != null ? Labels.alias(dialect, si.getAlias().getName())
                    : Labels.of(dialect, e, Optional.ofNullable(source(span(e))).orElse(e.toString()));
            boolean sameName = unwrap(e) instanceof Column c && sameCol(fold(c.getColumnName()), label);
            out.add(new Out(label, null, null, sameName));
        }
        return out;
    }

    private void selectInto(PlainSelect ps, List<Out> outs) {
        if (ps.getIntoTables().size() != 1) throw new Unsupported("SELECT INTO several tables");
        Table t = ps.getIntoTables().get(0);
        visitedTables.put(t, Boolean.TRUE);
        if (t.getName() != null && t.getName().startsWith("@")) {
            draft.hazard(Hazard.Kind.SESSION_VARIABLE, "SELECT INTO variable");
            return;
        }
        draft.kind = StatementKind.DDL;
        draft.type = StatementType.SELECT_INTO;
        TableName target = newTableName(t);
        draft.tablesWritten.add(target);
        for (Out o : outs) draft.writeFlows.add(new WriteFlow(new BaseColumn(target, o.label()), o.lin().sources, o.lin().derived));
    }

    private void mysqlInto(PlainSelect ps, int depth) {
        var into = ps.getMySqlSelectIntoClause();
        if (into.getFileName() != null) {
            draft.hazard(Hazard.Kind.EXPORT, "SELECT … INTO " + into.getType());
            if (depth == 0) draft.type = StatementType.SELECT_INTO_OUTFILE;
        } else {
            draft.hazard(Hazard.Kind.SESSION_VARIABLE, "SELECT … INTO variables");
        }
    }

    /** A name for a relation the statement creates. */
    TableName newTableName(Table t) {
        String name = fold(t.getName());
        String schema = t.getSchemaName() != null ? fold(t.getSchemaName())
                : catalog.searchPath().isEmpty() ? null : firstCreationSchema();
        String cat = !dialect.rules().catalogs() ? null
                : t.getDatabaseName() != null ? fold(t.getDatabaseName()) : catalog.currentCatalog();
        return new TableName(cat, schema, name);
    }

    private String firstCreationSchema() {
        for (String s : catalog.searchPath()) {
            if (!s.equals("pg_catalog") && !s.startsWith("pg_temp")) return s;
        }
        return null;
    }

    // ---- select lists -------------------------------------------------------------------------------------------

    List<Out> selectItems(List<SelectItem<?>> items, Scope scope, Clause valueClause, int depth) {
        List<Out> outs = new ArrayList<>();
        for (SelectItem<?> si : items) {
            Expression e = si.getExpression();
            int[] itemSpan = span(si);
            if (e instanceof AllTableColumns atc) {
                RangeVar v = qualifiedVar(atc.getTable(), scope);
                visitedTables.put(atc.getTable(), Boolean.TRUE);
                if (v == null) throw new Unsupported("unknown relation " + atc.getTable() + " in " + atc);
                ItemInfo info = new ItemInfo(pos(span(atc), itemSpan, 0), pos(span(atc), itemSpan, 1), false, null, true);
                boolean local = containsIdentical(scope.vars, v);
                for (Col c : v.cols) outs.add(starColumn(info, new StarEntry(c, v), valueClause, depth, local));
                draft.items.add(info);
            } else if (e instanceof AllColumns ac) {
                if (ac.getExceptColumns() != null || ac.getReplaceExpressions() != null) throw new Unsupported("* EXCEPT/REPLACE");
                if (scope.star.isEmpty()) throw new Unsupported("* without a FROM clause");
                ItemInfo info = new ItemInfo(pos(span(ac), itemSpan, 0), pos(span(ac), itemSpan, 1), false, null, true);
                for (StarEntry se : scope.star) {
                    outs.add(starColumn(info, se, valueClause, depth, true));
                }
                draft.items.add(info);
            } else {
                String exprText = itemSpan == null ? e.toString() : source(span(e) != null ? span(e) : itemSpan);
                String label = si.getAlias() != null ? Labels.alias(dialect, si.getAlias().getName())
                        : Labels.of(dialect, e, exprText);
                if (si.getAlias() != null && si.getAlias().getAliasColumns() != null) throw new Unsupported("column alias list");
                Lin lin = expr(e, scope, valueClause, depth, null, unwrap(e) instanceof Column ? label : null);
                String source = unwrap(e) instanceof Column c ? localSource(c, scope) : null;
                outs.add(new Out(label, lin, source, false));
                if (itemSpan != null) draft.items.add(new ItemInfo(itemSpan[0], itemSpan[1], si.getAlias() != null, label, false));
                else draft.rewriteBlocker = "select item without position: " + label;
            }
        }
        return outs;
    }

    private static int pos(int[] primary, int[] fallback, int i) {
        if (primary != null) return primary[i];
        return fallback == null ? -1 : fallback[i];
    }

    /** {@code local}: the column belongs to a range variable of the block's own FROM clause. */
    private Out starColumn(ItemInfo info, StarEntry se, Clause clause, int depth, boolean local) {
        Col c = se.col();
        RangeVar v = se.var();
        String ref;
        if (v == null) ref = se.merged();
        else if (v.qualifier == null) ref = null;
        else ref = v.qualifier + "." + dialect.quoteIdentifier(c.name);
        ColumnReference cr = new ColumnReference(statementIndex, ref == null ? c.name : ref, clause,
                ColumnReference.Kind.STAR_COLUMN, c.origin, c.lin.sources, c.lin.derived, depth > 0, c.name);
        Occurrence o = new Occurrence(cr, -1, -1, info);
        draft.occurrences.add(o);
        info.starColumns.add(new ItemInfo.StarColumn(ref, c.name, o, v == null));
        String source = local && v != null && v.qualifier != null && c.origin != ColumnReference.Origin.DERIVED
                ? qualified(v, c) : null;
        return new Out(c.name, c.lin, source, false);
    }

    /**
     * A reference to a stored input column (of a table or view) of the block's own FROM clause that the database
     * cannot bind to anything else: qualified with its range variable. Null when there is none (outer columns, USING
     * columns, unnamed relations, columns of derived tables and CTEs).
     */
    private String localSource(Column c, Scope scope) {
        String colName = fold(c.getColumnName());
        Table q = c.getTable();
        RangeVar var = null;
        Col col = null;
        if (q != null && q.getName() != null) {
            RangeVar v = qualifiedVar(q, scope);
            if (v == null || !containsIdentical(scope.vars, v)) return null;
            var = v;
            col = findCol(v, colName);
        } else {
            if (scope.merged.containsKey(colName.toLowerCase(Locale.ROOT))) return null;
            for (RangeVar v : scope.vars) {
                Col x = findCol(v, colName);
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

    private static boolean containsIdentical(List<RangeVar> vars, RangeVar v) {
        for (RangeVar x : vars) if (x == v) return true;
        return false;
    }

    /** {@code var.col}, each part quoted only when the dialect needs it. */
    private String qualified(RangeVar var, Col col) {
        String qualifier = var.qualifier.equals(dialect.quoteIdentifier(var.name)) ? Identifiers.quoteIfNeeded(dialect, var.name)
                : var.qualifier;
        return qualifier + "." + Identifiers.quoteIfNeeded(dialect, col.name);
    }

    // ---- FROM ---------------------------------------------------------------------------------------------------

    private void fromItem(FromItem fi, Scope scope, int depth) {
        List<RangeVar> added = fromItemVars(fi, scope, depth);
        for (RangeVar v : added) {
            scope.vars.add(v);
            for (Col c : v.cols) scope.star.add(new StarEntry(c, v));
        }
    }

    /** Range variables one FROM item contributes (several for a parenthesized join). */
    private List<RangeVar> fromItemVars(FromItem fi, Scope scope, int depth) {
        if (fi.getPivot() != null || fi.getUnPivot() != null) throw new Unsupported("PIVOT");
        if (fi instanceof Table t) return List.of(table(t, scope, depth));
        if (fi instanceof LateralSubSelect ls) {
            Scope lateral = lateralScope(scope);
            List<Out> outs = query(ls.getSelect(), lateral, Clause.OUTPUT, depth + 1);
            return List.of(derivedVar(ls.getAlias(), outs, "LATERAL subquery"));
        }
        if (fi instanceof ParenthesedSelect ps) {
            List<Out> outs = query(ps.getSelect(), cteOnly(scope), Clause.OUTPUT, depth + 1);
            return List.of(derivedVar(ps.getAlias(), outs, "subquery"));
        }
        if (fi instanceof ParenthesedFromItem pfi) {
            if (pfi.getAlias() != null && (pfi.getJoins() == null || pfi.getJoins().isEmpty())
                    && pfi.getFromItem() instanceof Values v && v.getAlias() == null) {
                List<Out> outs = values(v, cteOnly(scope), Clause.OUTPUT, depth + 1);
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
            List<Out> outs = values(v, cteOnly(scope), Clause.OUTPUT, depth + 1);
            return List.of(derivedVar(v.getAlias(), outs, "VALUES"));
        }
        throw new Unsupported(fi.getClass().getSimpleName() + " in FROM");
    }

    /** A scope for a non-lateral FROM subquery: it sees enclosing queries and CTEs, not its siblings. */
    private static Scope cteOnly(Scope scope) {
        return new Scope(scope.colParent, scope);
    }

    private static Scope lateralScope(Scope scope) {
        Scope s = new Scope(scope.colParent, scope);
        s.vars.addAll(scope.vars);
        s.merged.putAll(scope.merged);
        return s;
    }

    private RangeVar derivedVar(net.sf.jsqlparser.expression.Alias alias, List<Out> outs, String what) {
        List<Col> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (alias != null && alias.getAliasColumns() != null) {
            for (var ac : alias.getAliasColumns()) names.add(fold(ac.name));
            if (names.size() > outs.size()) throw new Unsupported(what + " alias names more columns than it returns");
        }
        for (int i = 0; i < outs.size(); i++) {
            String n = i < names.size() ? names.get(i) : outs.get(i).label();
            cols.add(new Col(n, outs.get(i).lin(), ColumnReference.Origin.DERIVED));
        }
        String name = alias == null ? null : fold(alias.getName());
        String qualifier = alias == null ? null : dialect.quoteIdentifier(name);
        return new RangeVar(name, null, qualifier, cols);
    }

    private RangeVar tableFunction(TableFunction tf, Scope scope, int depth) {
        Function f = tf.getFunction();
        if (f == null || tf.isRowsFrom()) throw new Unsupported("ROWS FROM");
        Lin lin = expr(f, lateralScope(scope), Clause.OUTPUT, depth, null).asDerived();
        FunctionCategory cat = classify(f.getName());
        if (cat != FunctionCategory.SCALAR) throw new Unsupported("table function " + f.getName().toLowerCase(Locale.ROOT) + " (" + cat + ")");
        String fname = Labels.lastPart(f.getName()).toLowerCase(Locale.ROOT);
        if (!Set.of("generate_series", "unnest", "system_range", "regexp_split_to_table", "json_array_elements",
                "jsonb_array_elements", "json_array_elements_text", "jsonb_array_elements_text", "generate_subscripts")
                .contains(fname)) {
            throw new Unsupported("table function " + fname);
        }
        List<Col> cols = new ArrayList<>();
        net.sf.jsqlparser.expression.Alias alias = tf.getAlias();
        if (alias != null && alias.getAliasColumns() != null) {
            for (var ac : alias.getAliasColumns()) cols.add(new Col(fold(ac.name), lin, ColumnReference.Origin.DERIVED));
        } else {
            String colName = dialect.rules().tableFunctionColumn(fname, alias == null ? null : fold(alias.getName()));
            cols.add(new Col(colName, lin, ColumnReference.Origin.DERIVED));
        }
        String name = alias == null ? fname : fold(alias.getName());
        return new RangeVar(name, null, dialect.quoteIdentifier(name), cols);
    }

    private void join(Join j, Scope scope, int depth) {
        if (j.isApply() || j.isWindowJoin() || j.isAsOf() || j.isArray() || j.isFetch()) throw new Unsupported("join form " + j);
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
                visited.put(c, Boolean.TRUE);
                usingNames.add(fold(c.getColumnName()));
            }
        } else if (j.isNatural()) {
            for (StarEntry l : leftStar) {
                for (StarEntry r : rightStar) {
                    if (sameCol(l.col().name, r.col().name) && !usingNames.contains(l.col().name)) usingNames.add(l.col().name);
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
                StarEntry r = takeUnique(restRight, n, "right");
                // the merged column is the value of one side or the other (coalesce): stored values unless both
                // sides were computed by the statement's own derived tables
                ColumnReference.Origin origin = l.col().origin == ColumnReference.Origin.DERIVED
                        && r.col().origin == ColumnReference.Origin.DERIVED ? ColumnReference.Origin.DERIVED
                        : ColumnReference.Origin.BASE_TABLE;
                Col m = new Col(l.col().name, l.col().lin.merge(r.col().lin), origin);
                scope.merged.put(n.toLowerCase(Locale.ROOT), m);
                star.add(new StarEntry(m, null, mergedReference(l, r)));
                Set<BaseColumn> src = m.lin.sources;
                uses.add(new ColumnUse(Clause.JOIN_USING, n, src));
                ColumnReference cr = new ColumnReference(statementIndex, n, Clause.JOIN_USING,
                        ColumnReference.Kind.USING_COLUMN, ColumnReference.Origin.DERIVED, src, true, depth > 0, null);
                draft.occurrences.add(new Occurrence(cr, -1, -1, null));
            }
            star.addAll(restLeft);
            star.addAll(restRight);
            scope.star = star;
        }
        if (j.getOnExpressions() != null) {
            for (Expression on : j.getOnExpressions()) expr(on, scope, Clause.JOIN_ON, depth, null);
        }
    }

    /**
     * How a rewritten {@code *} names a merged join column: unqualified in PostgreSQL and MariaDB; H2 rejects the
     * bare name as ambiguous, so there it is the coalesce of both sides (which is what the merged column is).
     */
    private String mergedReference(StarEntry l, StarEntry r) {
        String name = dialect.quoteIdentifier(l.col().name);
        if (!dialect.rules().mergedColumnsNeedCoalesce()) return name;
        String left = l.merged() != null ? l.merged() : l.var() == null || l.var().qualifier == null ? null
                : l.var().qualifier + "." + dialect.quoteIdentifier(l.col().name);
        String right = r.merged() != null ? r.merged() : r.var() == null || r.var().qualifier == null ? null
                : r.var().qualifier + "." + dialect.quoteIdentifier(r.col().name);
        if (left == null || right == null) return null;
        return "COALESCE(" + left + ", " + right + ")";
    }

    private List<RangeVar> fromItemVarsLateral(FromItem fi, Scope scope, int depth) {
        if (fi instanceof TableFunction tf) return List.of(tableFunction(tf, scope, depth));
        return fromItemVars(fi, scope, depth);
    }

    private StarEntry takeUnique(List<StarEntry> list, String name, String side) {
        StarEntry found = null;
        for (StarEntry e : list) {
            if (sameCol(e.col().name, name)) {
                if (found != null) throw new Unsupported("join column " + name + " is ambiguous on the " + side + " side");
                found = e;
            }
        }
        if (found == null) throw new Unsupported("join column " + name + " not found on the " + side + " side");
        list.remove(found);
        return found;
    }

    // ---- relations ----------------------------------------------------------------------------------------------

    private static final Set<String> LEAKY = Set.of(
            // PostgreSQL: column statistics (most common values), other sessions' statements, settings
            "pg_stats", "pg_stats_ext", "pg_stats_ext_exprs", "pg_statistic", "pg_statistic_ext_data",
            "pg_stat_activity", "pg_stat_statements", "pg_settings", "pg_file_settings", "pg_db_role_setting",
            "pg_prepared_statements", "pg_cursors", "pg_largeobject", "pg_authid", "pg_user_mapping",
            "pg_user_mappings", "pg_shadow", "pg_hba_file_rules",
            // MariaDB/MySQL
            "processlist", "events_statements_current", "events_statements_history",
            "events_statements_history_long", "events_statements_summary_by_digest", "user_variables_by_thread",
            "session_variables", "global_variables", "variables_by_thread", "prepared_statements_instances",
            "general_log", "slow_log", "session_status", "global_status",
            // H2
            "sessions", "session_state", "settings", "locks");

    private boolean isSystemSchema(String schema) {
        if (schema == null) return false;
        String s = schema.toLowerCase(Locale.ROOT);
        return dialect.rules().isSystemSchema(s);
    }

    private RangeVar table(Table t, Scope scope, int depth) {
        visitedTables.put(t, Boolean.TRUE);
        if (t.getFullyQualifiedName().contains("@")) throw new Unsupported("database link");
        if (t.getTimeTravel() != null) throw new Unsupported("time travel clause");
        String rawName = t.getName();
        if (rawName == null) throw new Unsupported("relation without a name");
        String name = fold(rawName);
        String schema = t.getSchemaName() == null ? null : fold(t.getSchemaName());
        String db = t.getDatabaseName() == null ? null : fold(t.getDatabaseName());
        String aliasName = t.getAlias() == null ? null : fold(t.getAlias().getName());
        if (t.getAlias() != null && t.getAlias().getAliasColumns() != null) throw new Unsupported("column alias list on a table");
        if (schema == null && db == null) {
            List<Col> cte = findCte(scope, name);
            if (cte != null) {
                String n = aliasName != null ? aliasName : name;
                return new RangeVar(n, null, dialect.quoteIdentifier(n), cte);
            }
        }
        if (isSystemSchema(schema) && LEAKY.contains(name.toLowerCase(Locale.ROOT))) {
            draft.hazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT, schema + "." + name);
        }
        if (schema == null && db == null && dialect.rules().dualTable() && name.equalsIgnoreCase("dual")
                && aliasName == null && !relationExists(name)) {
            // MariaDB's and H2's one-row placeholder table: no columns
            return new RangeVar(name, null, null, new ArrayList<>());
        }
        Relation rel = lookup(db, schema, name);
        TableName tn = rel.name();
        boolean system = isSystemSchema(tn.schema()) || rel.kind() == Relation.Kind.SYSTEM_TABLE;
        if (system) {
            draft.hazard(Hazard.Kind.SYSTEM_RELATION, tn.toString());
            if (LEAKY.contains(tn.name().toLowerCase(Locale.ROOT))) draft.hazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT, tn.toString());
        }
        draft.tablesRead.add(tn);
        List<Col> cols = new ArrayList<>();
        if (rel.kind() == Relation.Kind.VIEW || (rel.kind() == Relation.Kind.MATERIALIZED_VIEW && rel.viewDefinition() != null)) {
            ViewInfo vi = views.resolve(rel, viewDepth + 1);
            if (vi.columns().size() != rel.columns().size()) {
                throw new Unsupported("view " + tn + " definition returns " + vi.columns().size() + " columns, catalog lists " + rel.columns().size());
            }
            draft.tablesRead.addAll(vi.reads());
            draft.functions.addAll(vi.functions());
            draft.hazards.addAll(vi.hazards());
            draft.columnUses.addAll(vi.uses());
            for (int i = 0; i < rel.columns().size(); i++) {
                cols.add(new Col(rel.columns().get(i).name(), vi.columns().get(i), ColumnReference.Origin.VIEW));
            }
        } else {
            for (CatalogColumn c : rel.columns()) {
                cols.add(new Col(c.name(), Lin.copyOf(new BaseColumn(tn, c.name())), ColumnReference.Origin.BASE_TABLE));
            }
        }
        String varName = aliasName != null ? aliasName : name;
        String qualifier = aliasName != null ? dialect.quoteIdentifier(aliasName) : t.getFullyQualifiedName();
        return new RangeVar(varName, tn, qualifier, cols);
    }

    private boolean relationExists(String name) {
        try {
            lookup(null, null, name);
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    private List<Col> findCte(Scope scope, String name) {
        for (Scope s = scope; s != null; s = s.cteParent) {
            List<Col> c = s.ctes.get(name);
            if (c != null) return c;
        }
        return null;
    }

    /** Resolves a relation the parser named: each part folded, then as {@link #lookup(String, String, String)}. */
    Relation lookup(Table t) {
        return lookup(t.getDatabaseName() == null ? null : fold(t.getDatabaseName()),
                t.getSchemaName() == null ? null : fold(t.getSchemaName()), fold(t.getName()));
    }

    /** Resolves a relation name against the catalog: qualified names exactly, unqualified ones along the search path. */
    Relation lookup(String db, String schema, String name) {
        if (!dialect.rules().catalogs()) {
            if (db != null) throw new Unsupported("three-part name in MariaDB");
            if (schema != null) {
                return catalog.relation(null, schema, name).orElseThrow(() -> notFound(schema + "." + name));
            }
            for (String s : catalog.searchPath()) {
                Optional<Relation> r = catalog.relation(null, s, name);
                if (r.isPresent()) return r.get();
            }
            throw notFound(name);
        }
        if (db != null && catalog.currentCatalog() != null && !db.equals(catalog.currentCatalog())) {
            throw new Unsupported("cross-database reference " + db + "." + schema + "." + name);
        }
        if (schema != null) {
            return catalog.relation(db, schema, name).orElseThrow(() -> notFound(schema + "." + name));
        }
        List<String> path = dialect.rules().relationSearchPath(catalog.searchPath());
        for (String s : path) {
            Optional<Relation> r = catalog.relation(db, s, name);
            if (r.isPresent()) return r.get();
        }
        // a system relation the catalog does not list (PostgreSQL's implicit pg_catalog)
        if (LEAKY.contains(name) && path.stream().anyMatch(this::isSystemSchema)) draft.hazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT, name);
        throw notFound(name);
    }

    private static Unsupported notFound(String name) {
        return new Unsupported("relation " + name + " not found");
    }

    // ---- expressions --------------------------------------------------------------------------------------------

    Lin expr(Expression e, Scope scope, Clause clause, int depth, Aliases aliases) {
        return expr(e, scope, clause, depth, aliases, null);
    }

    /**
     * The lineage of an expression; records every column reference in it as an occurrence with {@code clause}.
     *
     * @param aliases output columns a bare name may also refer to (ORDER BY, GROUP BY, DISTINCT ON, MariaDB HAVING
     *                and window clauses), or null
     * @param label   the output label when the expression is a whole select-list item
     */
    Lin expr(Expression e, Scope scope, Clause clause, int depth, Aliases aliases, String label) {
        if (e == null) return Lin.NONE;
        Expression bare = unwrap(e);
        Walker w = new Walker(scope, clause, depth, aliases, label, bare instanceof Column c ? c : null);
        e.accept(w, null);
        if (bare instanceof Column && w.single != null) return w.single;
        return Lin.of(w.sources, true);
    }

    private static Expression unwrap(Expression e) {
        while (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) e = p.get(0);
        return e;
    }

    /** Walks one expression tree: resolves columns, classifies functions, descends into subqueries. */
    private final class Walker extends ExpressionVisitorAdapter<Void> {
        final Scope scope;
        final Clause clause;
        final int depth;
        final Aliases aliases;
        final String label;
        /** The column that is the whole expression (parentheses aside), if it is one. */
        final Column bare;
        final TreeSet<BaseColumn> sources = new TreeSet<>();
        Lin single;

        Walker(Scope scope, Clause clause, int depth, Aliases aliases, String label, Column bare) {
            this.scope = scope;
            this.clause = clause;
            this.depth = depth;
            this.aliases = aliases;
            this.label = label;
            this.bare = bare;
        }

        @Override
        public <S> Void visit(Column column, S context) {
            visited.put(column, Boolean.TRUE);
            int[] at = span(column);
            if (at != null && at[1] - at[0] == 1 && parameterPlaceholders.contains(at[0]) && column.getTable() == null) {
                single = Lin.NONE; // a parameter: no column
                return null;
            }
            Binding mode = aliases == null ? Binding.INPUT_ONLY : column == bare ? aliases.bare() : aliases.nested();
            Lin l = column(column, scope, clause, depth, aliases, mode, label);
            single = l;
            sources.addAll(l.sources);
            return null;
        }

        @Override
        public <S> Void visit(AllTableColumns atc, S context) {
            RangeVar v = qualifiedVar(atc.getTable(), scope);
            visitedTables.put(atc.getTable(), Boolean.TRUE);
            if (v == null) throw new Unsupported("unknown relation in " + atc);
            sources.addAll(wholeRow(v, atc, clause, depth).sources);
            return null;
        }

        @Override
        public <S> Void visit(AllColumns ac, S context) {
            return null; // count(*): no column
        }

        @Override
        public <S> Void visit(Function f, S context) {
            function(f.getName());
            if (f.getAttribute() != null || f.getAttributeColumn() != null) throw new Unsupported("attribute access on a function result");
            if (f.getKeep() != null) throw new Unsupported("KEEP clause");
            String fname = Labels.lastPart(f.getName()).toLowerCase(Locale.ROOT);
            if (insertedValues != null && (fname.equals("values") || fname.equals("value")) && f.getParameters() != null
                    && f.getParameters().size() == 1 && f.getParameters().get(0) instanceof Column c
                    && (c.getTable() == null || c.getTable().getName() == null)) {
                visited.put(c, Boolean.TRUE);
                Lin l = insertedValues.get(fold(c.getColumnName()).toLowerCase(Locale.ROOT));
                if (l == null) throw new Unsupported("VALUES(" + fold(c.getColumnName()) + ") names no inserted column");
                int[] sp = span(c);
                occurrence(l, ColumnReference.Origin.DERIVED, ColumnReference.Kind.COLUMN, sp != null ? source(sp) : c.toString(),
                        sp, clause, depth, null, null);
                sources.addAll(l.sources);
                return null;
            }
            if (f.getParameters() != null) {
                ExpressionList<?> params = f.getParameters();
                if (!params.isEmpty()) {
                    reservedSettingCheck(fname, params.get(0));
                }
                for (Expression p : params) p.accept(this, context);
            }
            if (f.getNamedParameters() != null) {
                NamedExpressionList<?> np = f.getNamedParameters();
                for (Expression p : np) p.accept(this, context);
            }
            if (f.getChainedParameters() != null) for (Expression p : f.getChainedParameters()) p.accept(this, context);
            if (f.getOrderByElements() != null) for (OrderByElement o : f.getOrderByElements()) o.getExpression().accept(this, context);
            if (f.getLimit() != null) throw new Unsupported("LIMIT inside a function call");
            if (f.getHavingClause() != null) throw new Unsupported("HAVING inside a function call");
            return null;
        }

        @Override
        public <S> Void visit(AnalyticExpression a, S context) {
            function(a.getName());
            if (a.getKeep() != null) throw new Unsupported("KEEP clause");
            if (a.getExpression() != null) a.getExpression().accept(this, context);
            if (a.getOffset() != null) a.getOffset().accept(this, context);
            if (a.getDefaultValue() != null) a.getDefaultValue().accept(this, context);
            if (a.getFilterExpression() != null) a.getFilterExpression().accept(this, context);
            if (a.getFuncOrderBy() != null) for (OrderByElement o : a.getFuncOrderBy()) o.getExpression().accept(this, context);
            WindowDefinition named = null;
            if (a.getWindowName() != null) {
                named = scope(scope).windows.get(fold(a.getWindowName()));
                if (named == null) throw new Unsupported("window " + a.getWindowName() + " not defined");
            }
            window(a.getPartitionExpressionList(), a.getOrderByElements());
            if (a.getWindowDefinition() != null && a.getWindowDefinition() != named) {
                WindowDefinition wd = a.getWindowDefinition();
                if (wd.getWindowName() != null && scope(scope).windows.containsKey(fold(wd.getWindowName()))
                        && wd.getPartitionExpressionList() == null && wd.getOrderByElements() == null) {
                    named = scope(scope).windows.get(fold(wd.getWindowName()));
                }
            }
            if (named != null) window(named.getPartitionExpressionList(), named.getOrderByElements());
            // frame offsets (ROWS n PRECEDING) are not walked: a column there is caught by the completeness check
            return null;
        }

        private void window(ExpressionList<?> partition, List<OrderByElement> order) {
            // MariaDB window clauses see the select list's aliases; while the select list is being resolved its
            // outputs are not known yet, and a name that could be one of them is refused (see column())
            List<Out> outs = !dialect.rules().selectAliasesInWindows() ? List.of() : !scope.outputs.isEmpty() ? scope.outputs : scope.pendingOutputs;
            if (partition != null) {
                for (Expression p : partition) {
                    sources.addAll(expr(p, scope, Clause.WINDOW_PARTITION, depth, aliases(Clause.WINDOW_PARTITION, scope, outs)).sources);
                }
            }
            if (order != null) {
                for (OrderByElement o : order) {
                    sources.addAll(expr(o.getExpression(), scope, Clause.WINDOW_ORDER, depth, aliases(Clause.WINDOW_ORDER, scope, outs)).sources);
                }
            }
        }

        @Override
        public <S> Void visit(ParenthesedSelect sub, S context) {
            subquery(sub);
            return null;
        }

        @Override
        public <S> Void visit(Select sub, S context) {
            subquery(sub);
            return null;
        }

        private void subquery(Select sub) {
            int mark = draft.occurrences.size();
            int markUses = uses.size();
            List<Out> outs = query(sub, new Scope(scope, scope), Clause.OUTPUT, depth + 1);
            for (Out o : outs) sources.addAll(o.lin().sources);
            // everything the subquery reads can shape the value (EXISTS, IN, scalar subqueries with filters)
            for (int i = mark; i < draft.occurrences.size(); i++) sources.addAll(draft.occurrences.get(i).ref.sources());
            for (int i = markUses; i < uses.size(); i++) sources.addAll(uses.get(i).sources());
        }

        @Override
        public <S> Void visit(RowGetExpression r, S context) {
            Expression inner = unwrap(r.getExpression());
            inner.accept(this, context);
            return null;
        }

        /**
         * {@code CONVERT(value USING charset)}, and MariaDB's and H2's {@code CONVERT(value, type)}, which the parser
         * reads as SQL Server's {@code CONVERT(type, value)}: its "type" is the value (a column name) and its
         * "value" the type word. Anything else is refused rather than read the wrong way round.
         */
        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.TranscodingFunction t, S context) {
            if (t.isTranscodeStyle() || t.getColDataType() == null) {
                if (t.getExpression() != null) t.getExpression().accept(this, context);
                return null;
            }
            var v = t.getColDataType();
            String name = v.getDataType();
            if (!dialect.rules().convertValueCommaType() || !(t.getExpression() instanceof Column type)
                    || type.getTable() != null && type.getTable().getName() != null
                    || !CONVERT_TYPES.contains(type.getColumnName().toLowerCase(Locale.ROOT))
                    || v.getArgumentsStringList() != null && !v.getArgumentsStringList().isEmpty()
                    || v.getArrayData() != null && !v.getArrayData().isEmpty() || v.getCharacterSet() != null
                    || name == null || !name.matches("[A-Za-z_`\"][A-Za-z0-9_$`\"]*(\\.[A-Za-z_`\"][A-Za-z0-9_$`\"]*)?")) {
                throw new Unsupported("CONVERT(value, type) form");
            }
            visited.put(type, Boolean.TRUE);
            int[] sp = span(t);
            int[] valueSpan = null;
            if (sp != null) {
                int open = text.indexOf('(', sp[0]);
                int at = open + 1;
                while (at < sp[1] && Character.isWhitespace(text.charAt(at))) at++;
                if (open >= 0 && text.startsWith(name, at)) valueSpan = new int[] {at, at + name.length()};
            }
            int dot = name.indexOf('.');
            Column value = dot < 0 ? new Column(name) : new Column(new Table(name.substring(0, dot)), name.substring(dot + 1));
            Lin l = column(value, valueSpan, scope, clause, depth, aliases, Binding.INPUT_ONLY, null);
            sources.addAll(l.sources);
            return null;
        }

        /** {@code trim(trailing from x)} has no trim-character expression; the adapter would not expect that. */
        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.TrimFunction t, S context) {
            if (t.getExpression() != null) t.getExpression().accept(this, context);
            if (t.getFromExpression() != null) t.getFromExpression().accept(this, context);
            return null;
        }

        @Override
        public <S> Void visit(TimeKeyExpression t, S context) {
            return null;
        }

        @Override
        public <S> Void visit(LambdaExpression l, S context) {
            throw new Unsupported("lambda expression");
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.UserVariable v, S context) {
            // hazards for variables are recorded from the lexer's tokens
            return null;
        }
    }

    /** Type words of MariaDB's and H2's {@code CONVERT(value, type)}. */
    private static final Set<String> CONVERT_TYPES = Set.of("char", "nchar", "varchar", "binary", "signed", "unsigned",
            "integer", "int", "decimal", "double", "float", "date", "datetime", "time", "timestamp", "json");

    private static Scope scope(Scope s) {
        for (Scope x = s; x != null; x = x.colParent) {
            if (!x.windows.isEmpty()) return x;
        }
        return s;
    }

    private void reservedSettingCheck(String fname, Expression first) {
        if (!fname.equals("current_setting") && !fname.equals("set_config")) return;
        if (first instanceof StringValue sv) {
            if (sv.getValue().toLowerCase(Locale.ROOT).startsWith("veil")) draft.hazard(Hazard.Kind.RESERVED_NAME, fname);
        } else {
            draft.hazard(Hazard.Kind.RESERVED_NAME, fname + " with a computed setting name");
        }
    }

    void function(String name) {
        FunctionCategory cat = classify(name);
        String fname = name.toLowerCase(Locale.ROOT);
        draft.functions.add(new FunctionUse(fname, cat));
        String last = Labels.lastPart(fname);
        switch (cat) {
            case DATA_READING -> draft.hazard(readingHazard(last), last);
            case EXPORTING -> draft.hazard(last.equals("set_config") || last.equals("set")
                    ? Hazard.Kind.SESSION_VARIABLE : Hazard.Kind.EXPORT, last);
            default -> { }
        }
    }

    private static Hazard.Kind readingHazard(String fname) {
        if (fname.equals("current_setting")) return Hazard.Kind.SESSION_VARIABLE;
        if (fname.contains("xml") || fname.startsWith("dblink") || fname.equals("link_schema") || fname.equals("ts_stat")) {
            return Hazard.Kind.DYNAMIC_SQL;
        }
        if (fname.startsWith("pg_stat") || fname.startsWith("pg_logical") || fname.startsWith("pg_mcv")
                || fname.startsWith("pg_get_wal") || fname.startsWith("db_object")) {
            return Hazard.Kind.LEAKY_SYSTEM_OBJECT;
        }
        return Hazard.Kind.FILE_ACCESS;
    }

    FunctionCategory classify(String rawName) {
        List<String> parts = Labels.qualifiedParts(dialect, rawName);
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (catalog.isUserDefinedFunction(schema, name)) return FunctionCategory.USER_DEFINED;
        boolean builtinSchema = schema == null || dialect.rules().builtinFunctionSchema(schema);
        if (!builtinSchema) return FunctionCategory.UNKNOWN;
        FunctionCategory c = dialect.rules().builtin(name);
        return c == null ? FunctionCategory.UNKNOWN : c;
    }

    // ---- columns ------------------------------------------------------------------------------------------------

    RangeVar qualifiedVar(Table qualifier, Scope scope) {
        if (qualifier == null || qualifier.getName() == null) return null;
        String q = fold(qualifier.getName());
        String qs = qualifier.getSchemaName() == null ? null : fold(qualifier.getSchemaName());
        for (Scope s = scope; s != null; s = s.colParent) {
            RangeVar found = null;
            for (RangeVar v : s.vars) {
                if (v.name == null || !dialect.sameRelationName(v.name, q)) continue;
                if (qs != null && (v.table == null || !qs.equals(v.table.schema()) || !v.name.equals(v.table.name()))) continue;
                if (found != null) throw new Unsupported("relation name " + q + " is ambiguous");
                found = v;
            }
            if (found != null) return found;
        }
        return null;
    }

    /** Resolves one column reference and records it as an occurrence. */
    Lin column(Column c, Scope scope, Clause clause, int depth, Aliases aliases, Binding mode, String label) {
        return column(c, span(c), scope, clause, depth, aliases, mode, label);
    }

    /** {@code sp}: the reference's position (a column the parser did not read as one has none of its own). */
    Lin column(Column c, int[] sp, Scope scope, Clause clause, int depth, Aliases aliases, Binding mode, String label) {
        String written = sp != null ? source(sp) : c.getFullyQualifiedName();
        String colName = fold(c.getColumnName());
        Table q = c.getTable();
        if (q != null && q.getName() != null) {
            RangeVar v = qualifiedVar(q, scope);
            if (v == null) {
                throw new Unsupported("unknown relation " + q.getFullyQualifiedName() + " for column " + colName);
            }
            Col col = findCol(v, colName);
            if (col == null) throw new Unsupported("column " + colName + " not found in " + v.name);
            return occurrence(col.lin, col.origin, ColumnReference.Kind.COLUMN, written, sp, clause, depth, label, null);
        }
        if (mode != Binding.INPUT_ONLY) {
            Lin bound = outputBinding(c, colName, scope, aliases, mode, written, sp, clause, depth, label);
            if (bound != null) return bound;
        }
        for (Scope s = scope; s != null; s = s.colParent) {
            Col found = localInput(s, colName);
            if (found != null) {
                return occurrence(found.lin, found.origin, ColumnReference.Kind.COLUMN, written, sp, clause, depth, label, null);
            }
        }
        // a whole-row reference: PostgreSQL lets a relation name stand for its row
        if (dialect.rules().relationNameIsWholeRow()) {
            RangeVar v = qualifiedVar(new Table(c.getColumnName()), scope);
            if (v != null) return wholeRow(v, c, clause, depth);
        }
        if (Builtins.isNiladic(colName) && (c.getColumnName().charAt(0) != '"' && c.getColumnName().charAt(0) != '`')) {
            draft.functions.add(new FunctionUse(colName.toLowerCase(Locale.ROOT), FunctionCategory.SCALAR));
            return Lin.NONE;
        }
        throw new Unsupported("column " + colName + " not found");
    }

    /**
     * An unqualified name that may name an output column of its block: the occurrence's lineage when it binds to
     * one (origin DERIVED, with the output's qualified source), null when it binds to an input column.
     */
    private Lin outputBinding(Column c, String colName, Scope scope, Aliases aliases, Binding mode, String written,
                              int[] sp, Clause clause, int depth, String label) {
        List<Out> matches = new ArrayList<>();
        for (Out o : aliases.outputs()) if (sameCol(o.label(), colName)) matches.add(o);
        if (matches.isEmpty()) return null;
        Col input = localInput(scope, colName);
        if (mode == Binding.INPUT_FIRST && input != null) return null;
        boolean pending = false;
        for (Out o : matches) if (o.lin() == null) pending = true;
        if (pending) {
            // a MariaDB window clause naming a select-list alias: harmless only when the item is that very column
            boolean allSame = true;
            for (Out o : matches) allSame &= o.sameNameColumn();
            if (allSame && input != null) return null;
            throw new Unsupported("window clause names the select-list alias " + colName);
        }
        Lin aliasLin = null;
        for (Out o : matches) aliasLin = aliasLin == null ? o.lin() : aliasLin.merge(o.lin());
        boolean useOutput = switch (mode) {
            case OUTPUT_FIRST -> true;
            case INPUT_FIRST -> input == null;
            case EXCLUSIVE -> {
                if (input == null) yield true;
                if (input.lin.sources.equals(aliasLin.sources) && input.lin.derived == aliasLin.derived) yield false;
                throw new Unsupported("name " + colName + " in " + clause + " could be the output column or the input column");
            }
            case INPUT_ONLY -> false;
        };
        if (!useOutput) return null;
        String source = null;
        if (aliases.sourceAllowed()) {
            for (Out o : matches) {
                if (o.source() == null || source != null && !source.equals(o.source())) { source = null; break; }
                source = o.source();
            }
        }
        return occurrence(aliasLin, ColumnReference.Origin.DERIVED, ColumnReference.Kind.COLUMN, written, sp, clause,
                depth, label, source);
    }

    /** The input column of that name in the FROM clause of {@code scope} itself (not an enclosing query's), or null. */
    private Col localInput(Scope scope, String colName) {
        Col merged = scope.merged.get(colName.toLowerCase(Locale.ROOT));
        if (merged != null && sameCol(merged.name, colName)) return merged;
        Col found = null;
        for (RangeVar v : scope.vars) {
            Col col = findCol(v, colName);
            if (col != null) {
                if (found != null) throw new Unsupported("column " + colName + " is ambiguous");
                found = col;
            }
        }
        return found;
    }

    /** The column of {@code v} that a folded name refers to, or null; refused when the name matches several. */
    Col findCol(RangeVar v, String name) {
        Col found = null;
        for (Col c : v.cols) {
            if (sameCol(c.name, name)) {
                if (found != null) throw new Unsupported("column " + name + " is ambiguous in " + v.name);
                found = c;
            }
        }
        return found;
    }

    /** Records a reference to a whole row of {@code v}; its lineage is every column of the row, derived. */
    private Lin wholeRow(RangeVar v, Object node, Clause clause, int depth) {
        TreeSet<BaseColumn> all = new TreeSet<>();
        for (Col c : v.cols) all.addAll(c.lin.sources);
        int[] sp = span(node);
        String written = sp != null ? source(sp) : node.toString();
        draft.wholeRows.add(new WholeRowReference(written, clause, all));
        Lin lin = Lin.of(all, true);
        ColumnReference cr = new ColumnReference(statementIndex, written, clause, ColumnReference.Kind.WHOLE_ROW,
                v.table != null ? ColumnReference.Origin.BASE_TABLE : ColumnReference.Origin.DERIVED, all, true, depth > 0, null);
        draft.occurrences.add(new Occurrence(cr, sp == null ? -1 : sp[0], sp == null ? -1 : sp[1], null));
        if (clause != Clause.OUTPUT && clause != Clause.WRITE_VALUE) uses.add(new ColumnUse(clause, written, all));
        return lin;
    }

    private Lin occurrence(Lin lin, ColumnReference.Origin origin, ColumnReference.Kind kind, String written, int[] sp,
                           Clause clause, int depth, String label, String qualifiedSource) {
        ColumnReference cr = new ColumnReference(statementIndex, written, clause, kind, origin, lin.sources, lin.derived,
                depth > 0, label, Optional.ofNullable(qualifiedSource));
        draft.occurrences.add(new Occurrence(cr, sp == null ? -1 : sp[0], sp == null ? -1 : sp[1], null));
        if (clause != Clause.OUTPUT && clause != Clause.WRITE_VALUE) uses.add(new ColumnUse(clause, written, lin.sources));
        return lin;
    }

    // ---- completeness -------------------------------------------------------------------------------------------

    /** Marks a relation name the statement handles other than by reading it (a created or written table). */
    void markTable(Table t) {
        visitedTables.put(t, Boolean.TRUE);
    }

    /** Marks column nodes that name write targets (INSERT column lists, UPDATE SET targets) as handled. */
    void markTarget(Column c) {
        visited.put(c, Boolean.TRUE);
    }

    /**
     * Fails when the parse tree holds a column reference, or (with {@code relations}) a relation reference, that the
     * resolver never visited: a position it does not know.
     */
    void checkAllColumnsVisited(Node root, boolean relations) {
        if (root == null) throw new Unsupported("no parse tree");
        ArrayList<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (n.jjtGetValue() instanceof Column c && !visited.containsKey(c)) {
                throw new Unsupported("column reference " + fold(c.getColumnName()) + " in an unsupported position");
            }
            if (relations && n.jjtGetValue() instanceof Table t && !visitedTables.containsKey(t)) {
                throw new Unsupported("relation reference " + t.getName() + " in an unsupported position");
            }
            for (int i = 0; i < n.jjtGetNumChildren(); i++) stack.add(n.jjtGetChild(i));
        }
    }

    // ---- helpers for statements ---------------------------------------------------------------------------------

    /** A range variable for a table written by a statement, as its own columns (for RETURNING and SET). */
    RangeVar targetVar(Table t, Relation rel) {
        visitedTables.put(t, Boolean.TRUE);
        String alias = t.getAlias() == null ? null : fold(t.getAlias().getName());
        List<Col> cols = new ArrayList<>();
        for (CatalogColumn c : rel.columns()) {
            cols.add(new Col(c.name(), Lin.copyOf(new BaseColumn(rel.name(), c.name())), ColumnReference.Origin.BASE_TABLE));
        }
        String n = alias != null ? alias : rel.name().name();
        return new RangeVar(n, rel.name(), alias != null ? dialect.quoteIdentifier(alias) : t.getFullyQualifiedName(), cols);
    }

    void addVar(Scope scope, RangeVar v) {
        scope.vars.add(v);
        for (Col c : v.cols) scope.star.add(new StarEntry(c, v));
    }

    void addFrom(FromItem fi, Scope scope, int depth) {
        fromItem(fi, scope, depth);
    }

    void addJoin(Join j, Scope scope, int depth) {
        join(j, scope, depth);
    }

}
