package dev.veil.analyzer.internal.resolve;

import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Conditions that are false whatever the rows: {@code false}, a comparison of two integer literals that fails
 * ({@code 1=0}, {@code 1<>1}), {@code NOT true}, and AND/OR of such. A query whose WHERE is one returns no rows.
 * Only literals count — a parameter or a column never does.
 */
final class ConstantFalse {

    private ConstantFalse() {
    }

    static boolean is(Expression e) {
        return value(e) == Boolean.FALSE;
    }

    /** The constant truth value of {@code e}, or null when it depends on anything. */
    private static Boolean value(Expression e) {
        if (e instanceof Parenthesis p) {
            return value(p.getExpression());
        }
        if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return value(list.get(0));
        }
        if (e instanceof BooleanValue b) {
            return b.getValue();
        }
        if (e instanceof Column c && c.getTable() == null && !c.getColumnName().startsWith("\"")
                && !c.getColumnName().startsWith("`")) {
            String name = c.getColumnName();
            return name.equalsIgnoreCase("false") ? Boolean.FALSE : name.equalsIgnoreCase("true") ? Boolean.TRUE
                    : null;
        }
        if (e instanceof EqualsTo eq && eq.getLeftExpression() instanceof LongValue l
                && eq.getRightExpression() instanceof LongValue r) {
            return l.getValue() == r.getValue();
        }
        if (e instanceof NotEqualsTo ne && ne.getLeftExpression() instanceof LongValue l
                && ne.getRightExpression() instanceof LongValue r) {
            return l.getValue() != r.getValue();
        }
        if (e instanceof NotExpression n) {
            Boolean inner = value(n.getExpression());
            return inner == null ? null : !inner;
        }
        if (e instanceof AndExpression and) {
            Boolean l = value(and.getLeftExpression());
            Boolean r = value(and.getRightExpression());
            return l == Boolean.FALSE || r == Boolean.FALSE ? Boolean.FALSE : l == null || r == null ? null : true;
        }
        if (e instanceof OrExpression or) {
            Boolean l = value(or.getLeftExpression());
            Boolean r = value(or.getRightExpression());
            return l == Boolean.TRUE || r == Boolean.TRUE ? Boolean.TRUE : l == null || r == null ? null : false;
        }
        return null;
    }
}
