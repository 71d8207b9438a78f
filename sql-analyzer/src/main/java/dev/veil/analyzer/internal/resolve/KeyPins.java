package dev.veil.analyzer.internal.resolve;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.PinnedColumns;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.internal.rewrite.Occurrence;

import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Finds {@link PinnedColumns}: the top-level {@code column = literal} conjuncts of a single-table plain SELECT, UPDATE
 * or DELETE. Every condition is structural and checked on the syntax tree; a statement that does not fit is not
 * reported (no fact rather than a doubtful one). Other conjuncts may be anything: they only narrow the rows the pins
 * select.
 */
public final class KeyPins {

    private KeyPins() {
    }

    public static Optional<PinnedColumns> of(Statement statement, Resolver r) {
        Expression where = statement instanceof PlainSelect ps && singleTable(ps) ? ps.getWhere()
                : statement instanceof Update u && singleTable(u) ? u.getWhere()
                : statement instanceof Delete d && singleTable(d) ? d.getWhere()
                : null;
        if (where == null) {
            return Optional.empty();
        }
        // the top level's columns are those of its one table: a stored column of a table (not of a view)
        Map<BaseColumn, Set<PinnedColumns.Literal>> pins = new LinkedHashMap<>();
        conjuncts(where, r, pins);
        Set<TableName> tables = new HashSet<>();
        pins.keySet().forEach(c -> tables.add(c.table()));
        if (tables.size() != 1) return Optional.empty();
        Map<String, Set<PinnedColumns.Literal>> columns = new LinkedHashMap<>();
        pins.forEach((c, kinds) -> columns.put(c.column(), kinds));
        return Optional.of(new PinnedColumns(tables.iterator().next(), columns));
    }

    /** One stored relation, rows neither multiplied nor produced by anything in the select list or ORDER BY. */
    private static boolean singleTable(PlainSelect ps) {
        if (ps.getWithItemsList() != null || !(ps.getFromItem() instanceof Table t)
                || present(ps.getJoins()) || present(ps.getLateralViews()) || ps.getGroupBy() != null
                || ps.getHaving() != null || ps.getQualify() != null || ps.getOracleHierarchical() != null
                || present(ps.getWindowDefinitions())) {
            return false;
        }
        if (!plainTable(t)) {
            return false;
        }
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (!(e instanceof Column || e instanceof AllColumns || literal(e) != null)) return false;
        }
        if (ps.getOrderByElements() != null) {
            for (OrderByElement o : ps.getOrderByElements()) {
                if (!(o.getExpression() instanceof Column || literal(o.getExpression()) != null)) return false;
            }
        }
        return true;
    }

    /** One table changed, no other read beside it (no FROM, joins or WITH): the rows it changes are those it pins. */
    private static boolean singleTable(Update u) {
        return u.getWithItemsList() == null && u.getTable() != null && u.getFromItem() == null
                && !present(u.getJoins()) && !present(u.getStartJoins()) && plainTable(u.getTable());
    }

    private static boolean singleTable(Delete d) {
        return d.getWithItemsList() == null && d.getTable() != null && !present(d.getTables())
                && !present(d.getUsingList()) && !present(d.getJoins()) && plainTable(d.getTable());
    }

    /** No history clause (MariaDB FOR SYSTEM_TIME, time travel: every version of a row, not one) nor pivot. */
    private static boolean plainTable(Table t) {
        return t.getTimeTravel() == null && t.getTimeTravelStrAfterAlias() == null && t.getPivot() == null
                && t.getUnPivot() == null;
    }

    private static boolean present(java.util.List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static void conjuncts(Expression e, Resolver r, Map<BaseColumn, Set<PinnedColumns.Literal>> pins) {
        if (e instanceof Parenthesis p) {
            conjuncts(p.getExpression(), r, pins);
        } else if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            conjuncts(list.get(0), r, pins);
        } else if (e instanceof AndExpression a) {
            conjuncts(a.getLeftExpression(), r, pins);
            conjuncts(a.getRightExpression(), r, pins);
        } else if (e instanceof EqualsTo eq && "=".equals(eq.getStringExpression())
                && eq.getOldOracleJoinSyntax() == 0 && eq.getOraclePriorPosition() == 0) {
            pin(eq.getLeftExpression(), eq.getRightExpression(), r, pins);
            pin(eq.getRightExpression(), eq.getLeftExpression(), r, pins);
        }
    }

    private static void pin(Expression column, Expression value, Resolver r,
                            Map<BaseColumn, Set<PinnedColumns.Literal>> pins) {
        PinnedColumns.Literal kind = literal(value);
        if (!(column instanceof Column col) || kind == null) return;
        int[] span = r.span(col);
        if (span == null) return;
        for (Occurrence o : r.draft.occurrences) {
            if (o.start == span[0] && o.end == span[1] && o.star == null && !o.ref.nested()) {
                Optional<BaseColumn> base = o.ref.baseColumn();
                if (base.isPresent()) {
                    pins.computeIfAbsent(base.get(), c -> EnumSet.noneOf(PinnedColumns.Literal.class))
                            .add(kind);
                }
                return;
            }
        }
    }

    /** The kind of a plain literal (a signed number, an unprefixed string) or a {@code ?}; null for anything else. */
    private static PinnedColumns.Literal literal(Expression e) {
        if (e instanceof SignedExpression s) {
            return s.getExpression() instanceof LongValue || s.getExpression() instanceof DoubleValue
                    ? PinnedColumns.Literal.NUMBER : null;
        }
        if (e instanceof LongValue || e instanceof DoubleValue) return PinnedColumns.Literal.NUMBER;
        if (e instanceof JdbcParameter) return PinnedColumns.Literal.PARAMETER;
        if (e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty())) {
            return PinnedColumns.Literal.STRING;
        }
        return null;
    }
}
