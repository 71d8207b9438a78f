package dev.veil.analyzer.internal.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.PartitionRange;
import dev.veil.analyzer.internal.lexing.Fingerprints;
import dev.veil.analyzer.internal.lexing.SqlLexer;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Finds the {@link PartitionRange} of a query: exactly one range conjunct on one column in the outermost WHERE of a
 * plain projection, whose removal can only widen the read. Anything else — two range conjuncts, a range OR-ed with
 * other conditions, a range inside a subquery, an aggregate, a LIMIT — has none.
 */
public final class PartitionRanges {

    private PartitionRanges() { }

    /**
     * @param parsed the parsed statement
     * @param text   the executed text the statement was parsed from
     * @param seg    the statement's segment of {@code text} (the parse offsets are relative to its start)
     */
    public static Optional<PartitionRange> of(Statement parsed, String text, SqlLexer.Segment seg, Dialect dialect,
                                              int maxNestingDepth) {
        if (!(parsed instanceof PlainSelect select) || !plainProjection(select) || select.getWhere() == null) {
            return Optional.empty();
        }
        Expression where = select.getWhere();
        int base = seg.start();
        int[] cut;
        String column;
        Expression enclosed = parenthesized(where);
        if (range(where) != null || enclosed != null && range(enclosed) != null) {
            // the whole WHERE (Flink parenthesizes it even alone): the statement without it has none
            column = range(where) != null ? range(where) : range(enclosed);
            int[] span = span(where, base);
            SqlLexer.Tok keyword = span == null ? null : tokenBefore(seg, span[0]);
            SqlLexer.Tok from = keyword == null ? null : tokenBefore(seg, keyword.start);
            if (from == null || !keyword.isWord("WHERE")) return Optional.empty();
            cut = new int[] {from.end, span[1]};
        } else {
            List<Expression> conjuncts = new ArrayList<>();
            conjuncts(where, conjuncts);
            int found = -1;
            column = null;
            for (int i = 0; i < conjuncts.size(); i++) {
                Expression inner = parenthesized(conjuncts.get(i));
                String c = inner == null ? null : range(inner);
                if (c == null) continue;
                if (found >= 0) return Optional.empty();
                found = i;
                column = c;
            }
            if (found < 0 || conjuncts.size() < 2) return Optional.empty();
            int[] own = span(conjuncts.get(found), base);
            int[] neighbour = span(conjuncts.get(found == 0 ? 1 : found - 1), base);
            if (own == null || neighbour == null) return Optional.empty();
            cut = found == 0 ? new int[] {own[0], neighbour[0]} : new int[] {neighbour[1], own[1]};
        }
        if (cut[0] < seg.start() || cut[1] > seg.end() || cut[0] >= cut[1]) return Optional.empty();
        String whole = (text.substring(seg.start(), cut[0]) + text.substring(cut[1], seg.end())).strip();
        SqlLexer.Lexed lexed = SqlLexer.lex(whole, dialect, maxNestingDepth);
        if (lexed.error() != null || lexed.segments().size() != 1) return Optional.empty();
        return Optional.of(new PartitionRange(column, whole,
                Fingerprints.of(lexed.text(), lexed.segments().get(0).tokens())));
    }

    /** Plain columns, {@code *} and constants from one table or derived table; nothing that groups or limits rows. */
    private static boolean plainProjection(PlainSelect s) {
        if (s.getWithItemsList() != null && !s.getWithItemsList().isEmpty()
                || s.getJoins() != null && !s.getJoins().isEmpty() || s.getGroupBy() != null || s.getHaving() != null
                || s.getLimit() != null || s.getOffset() != null || s.getFetch() != null || s.getTop() != null
                || s.getIntoTables() != null || s.getQualify() != null || s.getWindowDefinitions() != null
                || s.getForMode() != null || s.getLimitBy() != null) {
            return false;
        }
        if (!(s.getFromItem() instanceof Table) && !(s.getFromItem() instanceof ParenthesedSelect)) return false;
        for (SelectItem<?> item : s.getSelectItems()) {
            Expression e = item.getExpression();
            if (!(e instanceof Column || e instanceof AllColumns || bound(e))) return false;
        }
        return true;
    }

    /** The AND-ed conjuncts of a condition, parenthesized ones whole. */
    private static void conjuncts(Expression e, List<Expression> out) {
        if (e instanceof AndExpression and) {
            conjuncts(and.getLeftExpression(), out);
            conjuncts(and.getRightExpression(), out);
        } else {
            out.add(e);
        }
    }

    /** What a parenthesized expression encloses; null when it is not parenthesized. */
    private static Expression parenthesized(Expression e) {
        if (e instanceof Parenthesis p) return p.getExpression();
        if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) return list.get(0);
        return null;
    }

    /** The column a range predicate is on, or null when {@code e} is not one of the partition forms. */
    private static String range(Expression e) {
        if (e instanceof Between b && !b.isNot() && bound(b.getBetweenExpressionStart())
                && bound(b.getBetweenExpressionEnd())) {
            return column(b.getLeftExpression());
        }
        if (e instanceof GreaterThanEquals ge && bound(ge.getRightExpression())) {
            return column(ge.getLeftExpression());
        }
        if (e instanceof AndExpression and && and.getLeftExpression() instanceof GreaterThanEquals ge
                && and.getRightExpression() instanceof MinorThan lt && bound(ge.getRightExpression())
                && bound(lt.getRightExpression())) {
            return same(column(ge.getLeftExpression()), column(lt.getLeftExpression()));
        }
        if (e instanceof OrExpression or) {
            Expression a = or.getLeftExpression();
            Expression b = or.getRightExpression();
            if (b instanceof MinorThan) {
                a = or.getRightExpression();
                b = or.getLeftExpression();
            }
            if (a instanceof MinorThan lt && bound(lt.getRightExpression()) && b instanceof IsNullExpression n
                    && !n.isNot()) {
                return same(column(lt.getLeftExpression()), column(n.getLeftExpression()));
            }
        }
        return null;
    }

    private static String same(String a, String b) {
        return a != null && a.equals(b) ? a : null;
    }

    private static String column(Expression e) {
        return e instanceof Column c && c.getTable() == null ? c.getColumnName() : null;
    }

    /** A literal or a parameter: a partition bound, never something that reads a column. */
    private static boolean bound(Expression e) {
        if (e instanceof SignedExpression s) return s.getExpression() instanceof LongValue
                || s.getExpression() instanceof DoubleValue;
        return e instanceof LongValue || e instanceof DoubleValue || e instanceof StringValue
                || e instanceof JdbcParameter || e instanceof DateTimeLiteralExpression;
    }

    private static int[] span(Object o, int base) {
        if (!(o instanceof ASTNodeAccess a)) return null;
        Node n = a.getASTNode();
        if (n == null || n.jjtGetFirstToken() == null || n.jjtGetLastToken() == null) return null;
        return new int[] {n.jjtGetFirstToken().absoluteBegin - 1 + base, n.jjtGetLastToken().absoluteEnd - 1 + base};
    }

    private static SqlLexer.Tok tokenBefore(SqlLexer.Segment seg, int offset) {
        SqlLexer.Tok before = null;
        for (SqlLexer.Tok t : seg.tokens()) {
            if (t.start >= offset) break;
            if (t.significant()) before = t;
        }
        return before;
    }
}
