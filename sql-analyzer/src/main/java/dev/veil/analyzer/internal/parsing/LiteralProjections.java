package dev.veil.analyzer.internal.parsing;

import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Whether a query's select list is literals only ({@code SELECT 1 FROM t WHERE …}, what Spark sends to count a read):
 * its result tells how many rows match and nothing of their values.
 */
public final class LiteralProjections {

    private LiteralProjections() { }

    public static boolean rowsOnly(Statement parsed) {
        if (!(parsed instanceof PlainSelect select) || select.getIntoTables() != null
                || select.getMySqlSelectIntoClause() != null) {
            return false;
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            if (!literal(item.getExpression())) return false;
        }
        return !select.getSelectItems().isEmpty();
    }

    /**
     * Whether {@code source} makes at most one row without reading a table: {@code SELECT 1, 'a', ?} with no FROM,
     * grouping or WITH, and literals, NULLs and parameters only in its select list — no function, which may return a
     * set ({@code generate_series}, {@code unnest}). What an {@code INSERT … SELECT} of such a query writes is as
     * bounded as a VALUES row.
     */
    public static boolean oneRowOfValues(Select source) {
        if (!(source instanceof PlainSelect select) || select.getFromItem() != null || select.getJoins() != null
                || select.getWithItemsList() != null || select.getGroupBy() != null || select.getHaving() != null
                || select.getSelectItems() == null || select.getSelectItems().isEmpty()) {
            return false;
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression e = item.getExpression();
            if (!literal(e) && !(e instanceof NullValue) && !(e instanceof JdbcParameter)) return false;
        }
        return true;
    }

    private static boolean literal(Expression e) {
        if (e instanceof SignedExpression s) return literal(s.getExpression());
        return e instanceof LongValue || e instanceof DoubleValue || e instanceof StringValue;
    }
}
