package dev.veil.analyzer.internal.resolve;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.NamedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/** Walks one expression tree: resolves columns, classifies functions, descends into subqueries. */
final class ExpressionWalker extends ExpressionVisitorAdapter<Void> {

    private final Resolver r;
    final Scope scope;
    final Clause clause;
    final int depth;
    final Aliases aliases;
    final String label;
    /** The column that is the whole expression (parentheses aside), if it is one. */
    final Column bare;
    final TreeSet<BaseColumn> sources = new TreeSet<>();
    Lin single;
    /** Which nodes of the expression are used as whole values. */
    private final WholeValues whole;
    /** Inside the arguments or FILTER of an aggregate that returns no value of them ({@code COUNT}). */
    private int counted;
    /** Inside a cast (which may fail on the value). */
    private int casts;

    ExpressionWalker(Resolver r, Scope scope, Clause clause, int depth, Aliases aliases, String label, Column bare,
                     WholeValues whole) {
        this.r = r;
        this.scope = scope;
        this.clause = clause;
        this.depth = depth;
        this.aliases = aliases;
        this.label = label;
        this.bare = bare;
        this.whole = whole;
    }

    /**
     * Where the value of {@code node} (a column or a subquery of this expression) goes: the clause's flows — or,
     * inside {@code COUNT(…)} and an aggregate's FILTER, row selection only — marked as exposing a part of the value
     * unless the node is used whole, and as error-raising inside a cast.
     */
    private FlowNode flowOf(Object node) {
        FlowNode n = FlowNode.open().feeds(counted > 0 ? r.selecting : r.context(clause), !whole.isWhole(node));
        return casts > 0 ? n.feeds(Sinks.ERROR, false) : n;
    }

    @Override
    public <S> Void visit(Column column, S context) {
        r.markColumn(column);
        int[] at = r.span(column);
        if (at != null && at[1] - at[0] == 1 && r.parameterPlaceholders.contains(at[0]) && column.getTable() == null) {
            single = Lin.NONE; // a parameter: no column
            return null;
        }
        Binding mode = aliases == null ? Binding.INPUT_ONLY : column == bare ? aliases.bare() : aliases.nested();
        r.nextFlow = flowOf(column);
        Lin l;
        try {
            l = r.column(column, scope, clause, depth, aliases, mode, label);
        } finally {
            r.nextFlow = null;
        }
        single = l;
        sources.addAll(l.sources);
        return null;
    }

    @Override
    public <S> Void visit(AllTableColumns atc, S context) {
        RangeVar v = r.qualifiedVar(atc.getTable(), scope);
        r.markTable(atc.getTable());
        if (v == null) throw new Unsupported("unknown relation in " + atc);
        sources.addAll(r.wholeRow(v, atc, clause, depth).sources);
        return null;
    }

    /**
     * {@code JSON_OBJECTAGG(key, value)} and {@code JSON_ARRAYAGG(value ORDER BY …)}: the parser's visitor skips
     * the key, the value and the ordering; all of them shape the result.
     */
    @Override
    public <S> Void visit(JsonAggregateFunction f, S context) {
        super.visit(f, context);
        if (f.getKey() instanceof Expression key) key.accept(this, context);
        if (f.getValue() instanceof Expression value) value.accept(this, context);
        if (f.getExpressionOrderByElements() != null) {
            for (OrderByElement o : f.getExpressionOrderByElements()) o.getExpression().accept(this, context);
        }
        return null;
    }

    /** Every binary operator: a user-defined one of the same symbol may answer for it. */
    @Override
    protected <S> Void visitBinaryExpression(BinaryExpression expression, S context) {
        ImpliedOperators.of(expression).forEach(r::operator);
        return super.visitBinaryExpression(expression, context);
    }

    /** A sign is a prefix operator ({@code -x}, {@code ~x}). */
    @Override
    public <S> Void visit(SignedExpression expression, S context) {
        r.operator(String.valueOf(expression.getSign()));
        return super.visit(expression, context);
    }

    /** {@code data -> 'k'}, {@code data #>> '{a}'}: JSON operators, by name. */
    @Override
    public <S> Void visit(JsonExpression expression, S context) {
        expression.getOperators().forEach(r::operator);
        return super.visit(expression, context);
    }

    /** {@code x IN (…)} compares with {@code =}. */
    @Override
    public <S> Void visit(InExpression expression, S context) {
        r.operator("=");
        return super.visit(expression, context);
    }

    /** {@code x BETWEEN a AND b} compares with {@code >=} and {@code <=}. */
    @Override
    public <S> Void visit(Between expression, S context) {
        r.operator(">=");
        r.operator("<=");
        return super.visit(expression, context);
    }

    /** {@code CASE x WHEN v …} compares with {@code =}. */
    @Override
    public <S> Void visit(CaseExpression expression, S context) {
        if (expression.getSwitchExpression() != null) r.operator("=");
        return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(AllColumns ac, S context) {
        return null; // count(*): no column
    }

    @Override
    public <S> Void visit(Function f, S context) {
        r.function(f.getName());
        if (Labels.lastPart(f.getName()).equalsIgnoreCase("nullif")) r.operator("="); // NULLIF compares with =
        if (f.getAttribute() != null
                || f.getAttributeColumn() != null) throw new Unsupported("attribute access on a function result");
        if (f.getKeep() != null) throw new Unsupported("KEEP clause");
        String fname = Labels.lastPart(f.getName()).toLowerCase(Locale.ROOT);
        if (r.insertedValues != null && (fname.equals("values") || fname.equals("value")) && f.getParameters() != null
                && f.getParameters().size() == 1 && f.getParameters().get(0) instanceof Column c
                && (c.getTable() == null || c.getTable().getName() == null)) {
            r.markColumn(c);
            Lin l = r.insertedValues.get(r.fold(c.getColumnName()).toLowerCase(Locale.ROOT));
            if (l == null) throw new Unsupported("VALUES(" + r.fold(c.getColumnName()) + ") names no inserted column");
            int[] sp = r.span(c);
            r.occurrence(l, ColumnReference.Origin.DERIVED, ColumnReference.Kind.COLUMN,
                    sp != null ? r.source(sp) : c.toString(),
                    sp, clause, depth, null, null);
            sources.addAll(l.sources);
            return null;
        }
        if (f.getParameters() != null) {
            ExpressionList<?> params = f.getParameters();
            if (!params.isEmpty()) {
                r.reservedSettingCheck(fname, params.get(0));
            }
            boolean count = WholeValues.isCount(f.getName());
            if (count) counted++;
            try {
                for (Expression p : params) p.accept(this, context);
            } finally {
                if (count) counted--;
            }
        }
        if (f.getNamedParameters() != null) {
            NamedExpressionList<?> np = f.getNamedParameters();
            for (Expression p : np) p.accept(this, context);
        }
        if (f.getChainedParameters() != null) for (Expression p : f.getChainedParameters()) p.accept(this, context);
        if (f.getOrderByElements() != null) for (OrderByElement o
                : f.getOrderByElements()) o.getExpression().accept(this, context);
        if (f.getLimit() != null) throw new Unsupported("LIMIT inside a function call");
        if (f.getHavingClause() != null) throw new Unsupported("HAVING inside a function call");
        return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression a, S context) {
        r.function(a.getName());
        if (a.getKeep() != null) throw new Unsupported("KEEP clause");
        boolean count = WholeValues.isCount(a.getName());
        if (count) counted++;
        try {
            if (a.getExpression() != null) a.getExpression().accept(this, context);
        } finally {
            if (count) counted--;
        }
        if (a.getOffset() != null) a.getOffset().accept(this, context);
        if (a.getDefaultValue() != null) a.getDefaultValue().accept(this, context);
        if (a.getFilterExpression() != null) {
            // FILTER (WHERE …) selects the rows an aggregate reads
            counted++;
            try {
                a.getFilterExpression().accept(this, context);
            } finally {
                counted--;
            }
        }
        if (a.getFuncOrderBy() != null) for (OrderByElement o : a.getFuncOrderBy()) o.getExpression().accept(this,
                context);
        WindowDefinition named = null;
        if (a.getWindowName() != null) {
            named = scope(scope).windows.get(r.fold(a.getWindowName()));
            if (named == null) throw new Unsupported("window " + a.getWindowName() + " not defined");
        }
        window(a.getPartitionExpressionList(), a.getOrderByElements());
        if (a.getWindowDefinition() != null && a.getWindowDefinition() != named) {
            WindowDefinition wd = a.getWindowDefinition();
            if (wd.getWindowName() != null && scope(scope).windows.containsKey(r.fold(wd.getWindowName()))
                    && wd.getPartitionExpressionList() == null && wd.getOrderByElements() == null) {
                named = scope(scope).windows.get(r.fold(wd.getWindowName()));
            }
        }
        if (named != null) window(named.getPartitionExpressionList(), named.getOrderByElements());
        // frame offsets (ROWS n PRECEDING) are not walked: a column there is caught by the completeness check
        return null;
    }

    private void window(ExpressionList<?> partition, List<OrderByElement> order) {
        // MariaDB window clauses see the select list's aliases; while the select list is being resolved its
        // outputs are not known yet, and a name that could be one of them is refused (see column())
        List<Out> outs = !r.dialect.rules().selectAliasesInWindows() ? List.of() : !scope.outputs.isEmpty()
                ? scope.outputs : scope.pendingOutputs;
        if (partition != null) {
            for (Expression p : partition) {
                sources.addAll(r.expr(p, scope, Clause.WINDOW_PARTITION, depth, r.aliases(Clause.WINDOW_PARTITION,
                        scope, outs)).sources);
            }
        }
        if (order != null) {
            for (OrderByElement o : order) {
                sources.addAll(r.expr(o.getExpression(), scope, Clause.WINDOW_ORDER, depth,
                        r.aliases(Clause.WINDOW_ORDER, scope, outs)).sources);
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

    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.CastExpression cast, S context) {
        casts++;
        try {
            return super.visit(cast, context);
        } finally {
            casts--;
        }
    }

    private void subquery(Select sub) {
        int mark = r.draft.occurrences.size();
        int markUses = r.uses.size();
        // the subquery's values go where this expression sends them: returned from the select list, selecting rows
        // from WHERE, IN, EXISTS, LIMIT, …
        FlowNode saved = r.outputs;
        r.outputs = flowOf(sub);
        List<Out> outs;
        try {
            outs = r.query(sub, new Scope(scope, scope), Clause.OUTPUT, depth + 1);
        } finally {
            r.outputs = saved;
        }
        for (Out o : outs) sources.addAll(o.lin().sources);
        // everything the subquery reads can shape the value (EXISTS, IN, scalar subqueries with filters)
        for (int i = mark; i < r.draft.occurrences.size(); i++)
                sources.addAll(r.draft.occurrences.get(i).ref.sources());
        for (int i = markUses; i < r.uses.size(); i++) sources.addAll(r.uses.get(i).sources());
    }

    @Override
    public <S> Void visit(RowGetExpression r, S context) {
        Expression inner = Resolver.unwrap(r.getExpression());
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
        if (!r.dialect.rules().convertValueCommaType() || !(t.getExpression() instanceof Column type)
                || type.getTable() != null && type.getTable().getName() != null
                || !CONVERT_TYPES.contains(type.getColumnName().toLowerCase(Locale.ROOT))
                || v.getArgumentsStringList() != null && !v.getArgumentsStringList().isEmpty()
                || v.getArrayData() != null && !v.getArrayData().isEmpty() || v.getCharacterSet() != null
                || name == null || !name.matches("[A-Za-z_`\"][A-Za-z0-9_$`\"]*(\\.[A-Za-z_`\"][A-Za-z0-9_$`\"]*)?")) {
            throw new Unsupported("CONVERT(value, type) form");
        }
        r.markColumn(type);
        int[] sp = r.span(t);
        int[] valueSpan = null;
        if (sp != null) {
            int open = r.text.indexOf('(', sp[0]);
            int at = open + 1;
            while (at < sp[1] && Character.isWhitespace(r.text.charAt(at))) at++;
            if (open >= 0 && r.text.startsWith(name, at)) valueSpan = new int[] {at, at + name.length()};
        }
        int dot = name.indexOf('.');
        Column value = dot < 0 ? new Column(name) : new Column(new Table(name.substring(0, dot)),
                name.substring(dot + 1));
        r.nextFlow = FlowNode.open().feeds(r.context(clause), true).feeds(Sinks.ERROR, false);
        Lin l;
        try {
            l = r.column(value, valueSpan, scope, clause, depth, aliases, Binding.INPUT_ONLY, null);
        } finally {
            r.nextFlow = null;
        }
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

    /** Type words of MariaDB's and H2's {@code CONVERT(value, type)}. */
    private static final Set<String> CONVERT_TYPES = Set.of("char", "nchar", "varchar", "binary", "signed", "unsigned",
            "integer", "int", "decimal", "double", "float", "date", "datetime", "time", "timestamp", "json");

    private static Scope scope(Scope s) {
        for (Scope x = s; x != null; x = x.colParent) {
            if (!x.windows.isEmpty()) return x;
        }
        return s;
    }
}
