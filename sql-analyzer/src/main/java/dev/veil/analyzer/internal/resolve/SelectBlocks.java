package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.ColumnUse;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.WriteFlow;
import dev.veil.analyzer.internal.rewrite.Occurrence;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * One SELECT block: its clauses in the order their names become visible, ORDER BY/LIMIT, how output names bind in
 * each clause, and SELECT … INTO.
 */
final class SelectBlocks {

    private final Resolver r;

    SelectBlocks(Resolver r) {
        this.r = r;
    }

    List<Out> plain(PlainSelect ps, Scope outer, Clause valueClause, int depth) {
        rejectUnsupported(ps);
        Scope scope = new Scope(outer, outer);
        if (ps.getFromItem() != null) {
            r.fromItem(ps.getFromItem(), scope, depth);
            if (ps.getJoins() != null) for (Join j : ps.getJoins()) r.join(j, scope, depth);
        }
        if (ps.getWindowDefinitions() != null) {
            for (WindowDefinition w : ps.getWindowDefinitions()) scope.windows.put(r.fold(w.getWindowName()), w);
        }
        if (ps.getWhere() != null) {
            r.expr(ps.getWhere(), scope, Clause.WHERE, depth, null);
            // WHERE 1=0, WHERE false (Spark's and Flink's schema probe): no row qualifies — but an aggregate without
            // GROUP BY still returns one row, so a select list that calls anything counts as one row
            if (depth == 0 && ConstantFalse.is(ps.getWhere())) {
                boolean mayAggregate = ps.getGroupBy() == null && ps.getSelectItems().toString().contains("(");
                bound(mayAggregate ? 1 : 0);
            }
        }
        if (ps.getPreWhere() != null) throw new Unsupported("PREWHERE");
        if (r.dialect.rules().selectAliasesInWindows()) scope.pendingOutputs = pendingOutputs(ps.getSelectItems());
        scope.distinct = ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() == null;
        List<Out> outs = r.selectItems(ps.getSelectItems(), scope, valueClause, depth);
        scope.outputs = outs;
        if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
            for (SelectItem<?> si : ps.getDistinct().getOnSelectItems()) {
                orderingExpr(si.getExpression(), scope, Clause.DISTINCT_ON, depth);
            }
        }
        GroupByElement g = ps.getGroupBy();
        if (g != null) {
            if (g.getGroupByExpressionList() != null) {
                for (Object e : g.getGroupByExpressionList()) orderingExpr((Expression) e, scope, Clause.GROUP_BY,
                        depth);
            }
            if (g.getGroupingSets() != null) {
                for (ExpressionList<Expression> set : g.getGroupingSets()) {
                    for (Expression e : set) orderingExpr(e, scope, Clause.GROUP_BY, depth);
                }
            }
        }
        if (ps.getHaving() != null) r.expr(ps.getHaving(), scope, Clause.HAVING, depth, aliases(Clause.HAVING, scope));
        if (ps.getQualify() != null) r.expr(ps.getQualify(), scope, Clause.WHERE, depth, null);
        if (ps.getTop() != null) {
            if (ps.getTop().getExpression() instanceof LongValue lv && depth == 0) bound(lv.getValue());
            else if (ps.getTop().getExpression() != null) r.expr(ps.getTop().getExpression(), scope, Clause.OTHER,
                    depth, null);
        }
        orderAndLimit(ps, scope, outs, outer, depth);
        if (ps.getIntoTables() != null && !ps.getIntoTables().isEmpty()) {
            if (depth != 0) throw new Unsupported("SELECT INTO in a subquery");
            selectInto(ps, outs);
        }
        if (ps.getMySqlSelectIntoClause() != null) mysqlInto(ps, depth);
        return outs;
    }

    void rejectUnsupported(PlainSelect ps) {
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

    void bound(long n) {
        r.draft.rowBound = r.draft.rowBound == null ? n : Math.min(r.draft.rowBound, n);
    }

    /** ORDER BY, LIMIT, OFFSET and FETCH of a query; {@code scope} is null for set operations (outputs only). */
    void orderAndLimit(Select sel, Scope scope, List<Out> outs, Scope outer, int depth) {
        Scope s = scope;
        if (s == null) {
            s = new Scope(outer, outer);
            s.outputs = outs;
            RangeVar v = new RangeVar(null, null, null, new ArrayList<>());
            for (Out o : outs) v.cols.add(new Col(o.label(), o.lin(), ColumnReference.Origin.DERIVED, Col.of(o)));
            s.vars.add(v);
        }
        if (sel.getOrderByElements() != null) {
            for (OrderByElement o : sel.getOrderByElements()) orderingExpr(o.getExpression(), s, Clause.ORDER_BY,
                    depth);
        }
        if (sel.getLimit() != null) {
            Expression rc = sel.getLimit().getRowCount();
            if (rc instanceof LongValue lv && depth == 0) bound(lv.getValue());
            else if (rc != null) r.expr(rc, s, Clause.OTHER, depth, null);
            if (sel.getLimit().getOffset() != null) r.expr(sel.getLimit().getOffset(), s, Clause.OTHER, depth, null);
            if (sel.getLimit().getByExpressions() != null) throw new Unsupported("LIMIT BY");
        }
        if (sel.getOffset() != null && sel.getOffset().getOffset() != null) {
            r.expr(sel.getOffset().getOffset(), s, Clause.OTHER, depth, null);
        }
        if (sel.getFetch() != null) {
            if (sel.getFetch().getExpression() instanceof LongValue lv) {
                if (depth == 0) bound(lv.getValue());
            } else if (sel.getFetch().getExpression() != null) {
                r.expr(sel.getFetch().getExpression(), s, Clause.OTHER, depth, null);
            }
        }
        if (sel.getLimitBy() != null) throw new Unsupported("LIMIT BY");
    }

    /**
     * GROUP BY, ORDER BY and DISTINCT ON items: an output-column position, an output name, or an expression over the
     * inputs. Which of an output and an input column a bare name binds to depends on the dialect and the clause
     * ({@link #aliases}).
     */
    void orderingExpr(Expression e, Scope scope, Clause clause, int depth) {
        if (e instanceof LongValue lv && positional(clause)) {
            long n = lv.getValue();
            if (n >= 1 && n <= scope.outputs.size()) {
                Out o = scope.outputs.get((int) n - 1);
                int[] sp = r.span(lv);
                String source = sourceAllowed(clause, scope) ? o.source() : null;
                ColumnReference cr = new ColumnReference(r.statementIndex, sp != null ? r.source(sp) : Long.toString(n),
                        clause,
                        ColumnReference.Kind.OUTPUT_POSITION, ColumnReference.Origin.DERIVED, o.lin().sources,
                        o.lin().derived, depth > 0, null, Optional.ofNullable(source));
                Occurrence occurrence = new Occurrence(cr, sp == null ? -1 : sp[0], sp == null ? -1 : sp[1], null);
                r.draft.occurrences.add(occurrence);
                Flows.record(r, occurrence, FlowNode.open().feeds(r.context(clause), false), Col.of(o));
                r.uses.add(new ColumnUse(clause, Long.toString(n), o.lin().sources));
                return;
            }
        }
        r.expr(e, scope, clause, depth, aliases(clause, scope));
    }

    /** Whether a number in this clause names an output column: H2 groups by a constant ({@code GROUP BY 1}). */
    boolean positional(Clause clause) {
        if (clause == Clause.DISTINCT_ON
                && !r.dialect.rules().distinctOn()) throw new Unsupported("DISTINCT ON outside PostgreSQL");
        return !(clause == Clause.GROUP_BY && !r.dialect.rules().groupByPosition());
    }

    static boolean sourceAllowed(Clause clause, Scope scope) {
        // SELECT DISTINCT … ORDER BY must order by what it returns (PostgreSQL and H2 refuse anything else)
        return !(clause == Clause.ORDER_BY && scope.distinct);
    }

    /**
     * Which output names a clause sees, as the databases bind them (checked on PostgreSQL 15, MariaDB 10.11 and H2
     * 2.3): ORDER BY and DISTINCT ON bind a bare name to an output column first everywhere; GROUP BY binds it to an
     * input column first except in H2; inside expressions only MariaDB sees output aliases, after inputs; MariaDB
     * HAVING and window clauses see them too (window ORDER BY even before inputs).
     */
    Aliases aliases(Clause clause, Scope scope) {
        return aliases(clause, scope, scope.outputs);
    }

    Aliases aliases(Clause clause, Scope scope, List<Out> outputs) {
        Binding bare = r.dialect.rules().bareBinding(clause);
        Binding nested = r.dialect.rules().nestedBinding(clause);
        if (bare == Binding.INPUT_ONLY && nested == Binding.INPUT_ONLY) return null;
        return new Aliases(outputs, bare, nested, sourceAllowed(clause, scope));
    }

    /** MariaDB: the labels of the explicit select items, for window clauses resolved before the select list is. */
    List<Out> pendingOutputs(List<SelectItem<?>> items) {
        List<Out> out = new ArrayList<>();
        for (SelectItem<?> si : items) {
            Expression e = si.getExpression();
            if (e instanceof AllColumns || e instanceof AllTableColumns) continue;
            String label = si.getAlias() != null ? Labels.alias(r.dialect, si.getAlias().getName())
                    : Labels.of(r.dialect, e, Optional.ofNullable(r.source(r.span(e))).orElse(e.toString()));
            boolean sameName = Resolver.unwrap(e) instanceof Column c && r.sameCol(r.fold(c.getColumnName()), label);
            out.add(new Out(label, null, null, sameName, null));
        }
        return out;
    }

    void selectInto(PlainSelect ps, List<Out> outs) {
        if (ps.getIntoTables().size() != 1) throw new Unsupported("SELECT INTO several tables");
        Table t = ps.getIntoTables().get(0);
        r.markTable(t);
        if (t.getName() != null && t.getName().startsWith("@")) {
            r.draft.hazard(Hazard.Kind.SESSION_VARIABLE, "SELECT INTO variable");
            return;
        }
        r.draft.kind = StatementKind.DDL;
        r.draft.type = StatementType.SELECT_INTO;
        TableName target = r.newTableName(t);
        r.draft.tablesWritten.add(target);
        for (Out o : outs) r.draft.writeFlows.add(new WriteFlow(new BaseColumn(target, o.label()), o.lin().sources,
                o.lin().derived));
    }

    void mysqlInto(PlainSelect ps, int depth) {
        var into = ps.getMySqlSelectIntoClause();
        if (into.getFileName() != null) {
            r.draft.hazard(Hazard.Kind.EXPORT, "SELECT … INTO " + into.getType());
            if (depth == 0) r.draft.type = StatementType.SELECT_INTO_OUTFILE;
        } else {
            r.draft.hazard(Hazard.Kind.SESSION_VARIABLE, "SELECT … INTO variables");
        }
    }
}
