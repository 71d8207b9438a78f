package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.ColumnUse;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.rewrite.Occurrence;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Resolves the names of one parsed statement against the catalog and computes the lineage of every value. Anything
 * it cannot resolve exactly throws {@link Unsupported}, which makes the statement UNKNOWN.
 *
 * <p>Query blocks are resolved with scopes ({@link Scope}): a scope holds the range variables of one FROM clause (each
 * with its columns and their lineage), the CTEs defined at that level and the block's outputs. Column references are
 * looked up in the innermost scope first, then in enclosing ones (correlation). Every column reference the parser
 * produced must be visited; {@link #checkAllColumnsVisited} enforces that.
 *
 * <p>This class holds the statement's state and the names, positions and expressions every part needs; each concept
 * has its own part: {@link Queries} (set operations, VALUES, WITH), {@link SelectBlocks} (one SELECT's clauses),
 * {@link SelectLists}, {@link FromClauses} (FROM items and joins), {@link Relations} (tables, views, the search path),
 * {@link ExpressionWalker}, {@link Functions}, {@link Columns} and {@link Completeness}.
 */
public final class Resolver {

    final Dialect dialect;
    final Catalog catalog;
    final Views views;
    final String text;
    final int base;
    final StatementDraft draft;
    final int viewDepth;
    final int statementIndex;
    final List<ColumnUse> uses;
    /** While resolving ON DUPLICATE KEY UPDATE: the lineage of each inserted column, for VALUES(col). */
    Map<String, Lin> insertedValues;
    /** Offsets (in the analyzed text) of parameters the parser sees as {@link SqlLexer#PARAMETER_PLACEHOLDER}. */
    Set<Integer> parameterPlaceholders = Set.of();
    /**
     * Where the select-list values of the query block being resolved go: returned at the top level; for a subquery,
     * where the expression holding it goes (a subquery in WHERE selects rows); for a derived table or CTE, where the
     * block reading it sends its values.
     */
    FlowNode outputs = Sinks.RETURNED;
    /** Where written values go (stored; a view's definition keeps them for its readers). */
    FlowNode writes = Sinks.WRITTEN;
    /** Where predicate, grouping and ordering values go. */
    FlowNode selecting = Sinks.SELECTING;
    /** The output the select-list item (or VALUES cell) being resolved produces, or null. */
    FlowNode item;
    /** Set by the expression walker for the one occurrence it is about to record. */
    FlowNode nextFlow;
    /** Each occurrence's place in the flow graph, until {@link #finishFlows()}. */
    final Map<Occurrence, Flows.Pending> pendingFlows = new java.util.IdentityHashMap<>();

    private final Completeness completeness = new Completeness(this);
    private final Queries queries = new Queries(this);
    private final SelectBlocks selectBlocks = new SelectBlocks(this);
    private final SelectLists selectLists = new SelectLists(this);
    private final FromClauses fromClauses = new FromClauses(this);
    private final Relations relations = new Relations(this);
    private final Functions functions = new Functions(this);
    private final Columns columns = new Columns(this);

    /**
     * @param text  the analyzed text (offsets refer to it)
     * @param base  offset of the parsed statement text within {@code text}
     */
    public Resolver(Dialect dialect, Catalog catalog, Views views, String text, int base, StatementDraft draft,
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

    String fold(String raw) {
        return Labels.name(dialect, raw);
    }

    boolean sameCol(String a, String b) {
        return dialect.sameColumnName(a, b);
    }

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
        ExpressionWalker w = new ExpressionWalker(this, scope, clause, depth, aliases, label,
                bare instanceof Column c ? c : null, WholeValues.of(e));
        e.accept(w, null);
        if (bare instanceof Column && w.single != null) return w.single;
        return Lin.of(w.sources, true);
    }

    /** Where a value in {@code clause} goes when its expression says nothing more. */
    FlowNode context(Clause clause) {
        return switch (clause) {
            case OUTPUT -> item != null ? item : outputs != null ? outputs : Sinks.RETURNED;
            case WRITE_VALUE -> item != null ? item : writes;
            default -> selecting;
        };
    }

    /** A new output of the block being resolved: it goes where the block's values go, and to what reads it. */
    FlowNode outputNode(boolean compared) {
        FlowNode node = FlowNode.open().feeds(outputs, false);
        return compared ? node.feeds(selecting, false) : node;
    }

    /**
     * Gives every column reference its flows, now that every reference to every derived column is known. Called
     * once the statement is resolved.
     */
    public void finishFlows() {
        Flows.finish(this);
    }

    static Expression unwrap(Expression e) {
        while (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) e = p.get(0);
        return e;
    }

    /** A range variable for a table written by a statement, as its own columns (for RETURNING and SET). */
    RangeVar targetVar(Table t, Relation rel) {
        markTable(t);
        String alias = t.getAlias() == null ? null : fold(t.getAlias().getName());
        List<Col> cols = new ArrayList<>();
        for (CatalogColumn c : rel.columns()) {
            cols.add(new Col(c.name(), Lin.copyOf(new BaseColumn(rel.name(), c.name())),
                    ColumnReference.Origin.BASE_TABLE));
        }
        String n = alias != null ? alias : rel.name().name();
        return new RangeVar(n, rel.name(), alias != null ? dialect.quoteIdentifier(alias) : t.getFullyQualifiedName(),
                cols);
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

    /** The parser sees these offsets' parameters as {@link SqlLexer#PARAMETER_PLACEHOLDER} letters. */
    public void parameterPlaceholders(Set<Integer> offsets) {
        this.parameterPlaceholders = offsets;
    }

    // what the statements and the view resolution ask of the resolver, and what its parts ask of each other

    Scope withFrame(List<WithItem<?>> with, Scope outer, boolean recursiveAllowed) {
        return queries.withFrame(with, outer, recursiveAllowed);
    }

    /** Resolves a relation the parser named: each part folded, then looked up along the search path. */
    public Relation lookup(Table t) {
        return relations.lookup(t);
    }

    void bound(long rows) {
        selectBlocks.bound(rows);
    }

    void orderAndLimit(Select sel, Scope scope, List<Out> outs, Scope outer, int depth) {
        selectBlocks.orderAndLimit(sel, scope, outs, outer, depth);
    }

    Lin wholeRow(RangeVar v, Object node, Clause clause, int depth) {
        return columns.wholeRow(v, node, clause, depth);
    }

    Col findCol(RangeVar v, String name) {
        return columns.findCol(v, name);
    }

    /** Marks a relation name the statement handles other than by reading it (a created or written table). */
    void markTable(Table t) {
        completeness.markTable(t);
    }

    /** Marks column nodes that name write targets (INSERT column lists, UPDATE SET targets) as handled. */
    void markTarget(Column c) {
        completeness.markColumn(c);
    }

    void markColumn(Column c) {
        completeness.markColumn(c);
    }

    /**
     * Fails when the parse tree holds a column reference, or (with {@code relations}) a relation reference, that the
     * resolver never visited: a position it does not know.
     */
    public void checkAllColumnsVisited(Node root, boolean relations) {
        completeness.check(root, relations);
    }

    List<Out> query(Select sel, Scope outer, Clause valueClause, int depth) {
        return queries.query(sel, outer, valueClause, depth);
    }

    List<Out> values(Values v, Scope frame, Clause valueClause, int depth) {
        return queries.values(v, frame, valueClause, depth);
    }

    List<Out> plain(PlainSelect ps, Scope outer, Clause valueClause, int depth) {
        return selectBlocks.plain(ps, outer, valueClause, depth);
    }

    Aliases aliases(Clause clause, Scope scope) {
        return selectBlocks.aliases(clause, scope);
    }

    Aliases aliases(Clause clause, Scope scope, List<Out> outputs) {
        return selectBlocks.aliases(clause, scope, outputs);
    }

    List<Out> selectItems(List<SelectItem<?>> items, Scope scope, Clause valueClause, int depth) {
        return selectLists.selectItems(items, scope, valueClause, depth);
    }

    void fromItem(FromItem fi, Scope scope, int depth) {
        fromClauses.fromItem(fi, scope, depth);
    }

    void join(Join j, Scope scope, int depth) {
        fromClauses.join(j, scope, depth);
    }

    /**
     * Records every column of {@code table} that a DDL statement's tokens name (an index's columns, expressions and
     * predicate) as a reference the database evaluates over the stored values later: flow SCHEMA_EMBEDDED.
     */
    public void schemaEmbedded(Table table, List<SqlLexer.Tok> tokens) {
        Relation rel = lookup(table);
        java.util.Set<String> named = new java.util.HashSet<>();
        for (SqlLexer.Tok t : tokens) {
            if (t.kind != SqlLexer.Kind.WORD && t.kind != SqlLexer.Kind.QUOTED_IDENT) continue;
            String name = t.kind == SqlLexer.Kind.WORD ? fold(t.value) : t.value;
            for (CatalogColumn c : rel.columns()) {
                if (sameCol(c.name(), name) && named.add(c.name())) {
                    ColumnReference cr = new ColumnReference(statementIndex, c.name(), Clause.OTHER,
                            ColumnReference.Kind.COLUMN, ColumnReference.Origin.BASE_TABLE,
                            Set.of(new BaseColumn(rel.name(), c.name())), false, false, null,
                            java.util.Optional.empty(), Set.of(dev.veil.analyzer.Flow.SCHEMA_EMBEDDED), false,
                            Set.of());
                    draft.occurrences.add(new Occurrence(cr, -1, -1, null));
                }
            }
        }
    }

    /** A name for a relation the statement creates. */
    public TableName newTableName(Table t) {
        return relations.newTableName(t);
    }

    RangeVar table(Table t, Scope scope, int depth) {
        return relations.table(t, scope, depth);
    }

    boolean relationExists(String name) {
        return relations.relationExists(name);
    }

    void reservedSettingCheck(String fname, Expression first) {
        functions.reservedSettingCheck(fname, first);
    }

    void function(String name) {
        functions.function(name);
    }

    void operator(String symbol) {
        functions.operator(symbol);
    }

    public FunctionCategory classify(String rawName) {
        return functions.classify(rawName);
    }

    RangeVar qualifiedVar(Table qualifier, Scope scope) {
        return columns.qualifiedVar(qualifier, scope);
    }

    Lin column(Column c, Scope scope, Clause clause, int depth, Aliases aliases, Binding mode, String label) {
        return columns.column(c, scope, clause, depth, aliases, mode, label);
    }

    Lin column(Column c, int[] sp, Scope scope, Clause clause, int depth, Aliases aliases, Binding mode, String label) {
        return columns.column(c, sp, scope, clause, depth, aliases, mode, label);
    }

    Lin occurrence(Lin lin, ColumnReference.Origin origin, ColumnReference.Kind kind, String written, int[] sp,
                   Clause clause, int depth, String label, String qualifiedSource) {
        return columns.occurrence(lin, origin, kind, written, sp, clause, depth, label, qualifiedSource, List.of());
    }
}
