package dev.veil.analyzer.internal.resolve;

import java.math.BigInteger;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * A condition no row satisfies, recognised by its form alone: {@code 1=0} (two different integer literals compared
 * for equality), {@code FALSE}, and either of them inside an AND or parentheses. Anything else is not known to be
 * never true.
 */
final class NeverTrue {

    private NeverTrue() {
    }

    static boolean test(Expression e) {
        if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            return test(p.get(0));
        }
        if (e instanceof AndExpression and) {
            return test(and.getLeftExpression()) || test(and.getRightExpression());
        }
        if (e instanceof Parenthesis p) {
            return test(p.getExpression());
        }
        if (e instanceof EqualsTo eq && eq.getOldOracleJoinSyntax() == 0
                && eq.getLeftExpression() instanceof LongValue l && eq.getRightExpression() instanceof LongValue r) {
            return new BigInteger(l.getStringValue()).compareTo(new BigInteger(r.getStringValue())) != 0;
        }
        // jsqlparser reads an unquoted FALSE as a column name unless the dialect has it as a keyword
        return e instanceof BooleanValue b && !b.getValue()
                || e instanceof Column c && c.getTable() == null && "false".equalsIgnoreCase(c.getColumnName())
                && c.getColumnName().equalsIgnoreCase(c.toString());
    }
}
