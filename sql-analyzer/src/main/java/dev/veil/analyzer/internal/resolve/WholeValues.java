package dev.veil.analyzer.internal.resolve;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;

/**
 * Which nodes of an expression are used as whole values — compared, grouped, ordered or counted as they are — and
 * which only through something that may expose a part of them. A whitelist: a node is whole only when every node
 * above it (up to the expression's root) is one of the forms below; any other function, operator or cast exposes a
 * part ({@code SUBSTR}, {@code LIKE}, {@code LENGTH}, arithmetic, concatenation, regular expressions, …).
 *
 * <ul>
 *   <li>the root itself, parentheses and row constructors ({@code (a, b) IN …});</li>
 *   <li>AND, OR, XOR, NOT;</li>
 *   <li>comparisons {@code = <> < <= > >=}, IS [NOT] DISTINCT FROM, IS [NOT] NULL, IS [NOT] TRUE/FALSE, [NOT] IN (a
 *       list or a subquery), [NOT] BETWEEN, EXISTS, ANY/ALL subqueries;</li>
 *   <li>CASE (its operand, conditions and results);</li>
 *   <li>the aggregates {@code COUNT}, {@code MIN}, {@code MAX} (they return a whole value, or none).</li>
 * </ul>
 */
final class WholeValues {

    private static final Set<String> WHOLE_AGGREGATES = Set.of("count", "min", "max");

    private final Set<Object> whole = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The whole-value nodes of the expression rooted at {@code root}. */
    static WholeValues of(Expression root) {
        WholeValues w = new WholeValues();
        if (root != null) {
            w.walk(root);
        }
        return w;
    }

    /** Whether {@code node} (a column or a subquery of this expression) is used as a whole value. */
    boolean isWhole(Object node) {
        return whole.contains(node);
    }

    private void walk(Expression e) {
        if (e == null) return;
        whole.add(e);
        if (e instanceof ExpressionList<?> list) {
            for (Expression x : list) walk(x);
        } else if (e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression
                || e instanceof ComparisonOperator || e instanceof IsDistinctExpression) {
            var b = (net.sf.jsqlparser.expression.BinaryExpression) e;
            walk(b.getLeftExpression());
            walk(b.getRightExpression());
        } else if (e instanceof NotExpression n) {
            walk(n.getExpression());
        } else if (e instanceof IsNullExpression n) {
            walk(n.getLeftExpression());
        } else if (e instanceof IsBooleanExpression n) {
            walk(n.getLeftExpression());
        } else if (e instanceof InExpression in) {
            walk(in.getLeftExpression());
            walk(in.getRightExpression());
        } else if (e instanceof Between b) {
            walk(b.getLeftExpression());
            walk(b.getBetweenExpressionStart());
            walk(b.getBetweenExpressionEnd());
        } else if (e instanceof ExistsExpression x) {
            walk(x.getRightExpression());
        } else if (e instanceof net.sf.jsqlparser.expression.AnyComparisonExpression a) {
            whole.add(a.getSelect());
        } else if (e instanceof CaseExpression c) {
            walk(c.getSwitchExpression());
            if (c.getWhenClauses() != null) for (WhenClause w : c.getWhenClauses()) walk(w);
            walk(c.getElseExpression());
        } else if (e instanceof WhenClause w) {
            walk(w.getWhenExpression());
            walk(w.getThenExpression());
        } else if (e instanceof Function f && isWholeAggregate(f.getName()) && f.getParameters() != null) {
            for (Expression p : f.getParameters()) walk(p);
        } else if (e instanceof AnalyticExpression a && isWholeAggregate(a.getName())) {
            walk(a.getExpression());
            walk(a.getFilterExpression());
        } else if (e instanceof AnalyticExpression a) {
            walk(a.getFilterExpression());
        }
        // Column, Select and everything else: the node itself is whole, its children are not
    }

    static boolean isWholeAggregate(String name) {
        if (name == null) return false;
        return WHOLE_AGGREGATES.contains(Labels.lastPart(name).toLowerCase(Locale.ROOT));
    }

    static boolean isCount(String name) {
        return name != null && Labels.lastPart(name).toLowerCase(Locale.ROOT).equals("count");
    }

}
