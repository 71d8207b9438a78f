package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.rewrite.Occurrence;

import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * The literals of a query whose value the analysis does not depend on: each is compared with a column of a table in
 * the top-level WHERE ({@code col = 5}, {@code 'x' <> t.col}, {@code col IN (1, 2)}, {@code col BETWEEN 1 AND 9}),
 * reached from it through AND, OR, NOT and parentheses only. Such a literal decides which rows match, nothing else:
 * not a name, a label, a row bound, an ordinal, a setting or a constant-false test. Everything else is not reported,
 * so a literal is "value-only" only when the syntax tree and the lexer agree on exactly this form.
 */
public final class ValueLiterals {

    private ValueLiterals() {
    }

    /**
     * The [start, end) spans, in the analyzed text, of the value-only literals of {@code statement} — none unless it
     * is a plain SELECT (no WITH, no set operation) whose WHERE compares resolved columns with literals.
     */
    public static List<int[]> of(Statement statement, Resolver r, SqlLexer.Segment seg) {
        List<int[]> out = new ArrayList<>();
        if (!(statement instanceof PlainSelect ps) || ps.getWithItemsList() != null || ps.getWhere() == null) {
            return out;
        }
        new ValueLiterals.Walk(r, seg.significant(), out).condition(ps.getWhere());
        return out;
    }

    /** A literal the tokens may carry as a value-only literal: a plain string or a number, nothing prefixed. */
    private static boolean plainLiteral(Expression e) {
        return e instanceof LongValue || e instanceof DoubleValue
                || e instanceof StringValue s && (s.getPrefix() == null || s.getPrefix().isEmpty());
    }

    private static final class Walk {
        private final Resolver r;
        private final List<SqlLexer.Tok> toks;
        private final List<int[]> out;

        Walk(Resolver r, List<SqlLexer.Tok> toks, List<int[]> out) {
            this.r = r;
            this.toks = toks;
            this.out = out;
        }

        void condition(Expression e) {
            if (e instanceof Parenthesis p) {
                condition(p.getExpression());
            } else if (e instanceof NotExpression n) {
                condition(n.getExpression());
            } else if (e instanceof AndExpression a) {
                condition(a.getLeftExpression());
                condition(a.getRightExpression());
            } else if (e instanceof OrExpression o) {
                condition(o.getLeftExpression());
                condition(o.getRightExpression());
            } else if (e instanceof ComparisonOperator c) {
                comparison(c);
            } else if (e instanceof InExpression in) {
                in(in);
            } else if (e instanceof Between b) {
                between(b);
            }
        }

        private void comparison(ComparisonOperator c) {
            if (c.getOldOracleJoinSyntax() != 0 || c.getOraclePriorPosition() != 0) {
                return;
            }
            String op = c.getStringExpression();
            if (c.getLeftExpression() instanceof Column col && plainLiteral(c.getRightExpression())) {
                int j = columnEnd(col);
                if (j < 0 || !op(j + 1, op)) return;
                literal(j + 2, c.getRightExpression(), true);
            } else if (c.getRightExpression() instanceof Column col && plainLiteral(c.getLeftExpression())) {
                int i = columnStart(col);
                if (i < 2 || !op(i - 1, op)) return;
                literal(i - 2, c.getLeftExpression(), false);
            }
        }

        private void in(InExpression in) {
            if (!(in.getLeftExpression() instanceof Column col) || in.isGlobal()
                    || !(in.getRightExpression() instanceof ExpressionList<?> list) || list.isEmpty()) {
                return;
            }
            for (Object item : list) if (!(item instanceof Expression x) || !plainLiteral(x)) return;
            int k = columnEnd(col);
            if (k < 0) return;
            k++;
            if (in.isNot() && word(k, "NOT")) k++;
            if (!word(k, "IN") || !op(k + 1, "(")) return;
            k += 2;
            List<int[]> found = new ArrayList<>();
            for (int n = 0; n < list.size(); n++) {
                if (n > 0 && !op(k++, ",")) return;
                int[] span = span(k++, (Expression) list.get(n));
                if (span == null) return;
                found.add(span);
            }
            if (!op(k, ")")) return;
            out.addAll(found);
        }

        private void between(Between b) {
            if (!(b.getLeftExpression() instanceof Column col) || !plainLiteral(b.getBetweenExpressionStart())
                    || !plainLiteral(b.getBetweenExpressionEnd())) {
                return;
            }
            int k = columnEnd(col);
            if (k < 0) return;
            k++;
            if (b.isNot() && word(k, "NOT")) k++;
            if (!word(k, "BETWEEN")) return;
            int[] low = span(k + 1, b.getBetweenExpressionStart());
            if (low == null || !word(k + 2, "AND")) return;
            int[] high = span(k + 3, b.getBetweenExpressionEnd());
            if (high == null || !boundary(k + 4)) return;
            out.add(low);
            out.add(high);
        }

        /** The literal at token {@code k}, when it is one token of the literal's kind standing alone. */
        private void literal(int k, Expression literal, boolean last) {
            int[] span = span(k, literal);
            if (span == null) return;
            if (last ? !boundary(k + 1) : !boundary(k - 1)) return;
            out.add(span);
        }

        private int[] span(int k, Expression literal) {
            if (k < 0 || k >= toks.size()) return null;
            SqlLexer.Tok t = toks.get(k);
            boolean number = literal instanceof LongValue || literal instanceof DoubleValue;
            if (number ? t.kind != SqlLexer.Kind.NUMBER : t.kind != SqlLexer.Kind.STRING) return null;
            if (number && !(r.text.substring(t.start, t.end).equals(numberText(literal)))) return null;
            // neighbours that would make the token part of a longer literal or expression
            if (k + 1 < toks.size() && (toks.get(k + 1).kind == SqlLexer.Kind.STRING
                    || toks.get(k + 1).isOp("::") || toks.get(k + 1).isOp("[") || toks.get(k + 1).isOp("."))) {
                return null;
            }
            if (k > 0 && toks.get(k - 1).kind == SqlLexer.Kind.STRING) return null;
            return new int[] {t.start, t.end};
        }

        private static String numberText(Expression literal) {
            return literal instanceof LongValue l ? l.getStringValue() : literal.toString();
        }

        /** Token {@code k} does not continue an expression with the literal beside it. */
        private boolean boundary(int k) {
            if (k < 0 || k >= toks.size()) return true;
            SqlLexer.Tok t = toks.get(k);
            if (t.kind == SqlLexer.Kind.WORD) {
                String w = t.value.toUpperCase(Locale.ROOT);
                return w.equals("AND") || w.equals("OR") || w.equals("ORDER") || w.equals("GROUP")
                        || w.equals("HAVING") || w.equals("LIMIT") || w.equals("FETCH") || w.equals("OFFSET")
                        || w.equals("WHERE") || w.equals("NOT") || w.equals("WINDOW") || w.equals("FOR");
            }
            return t.isOp("(") || t.isOp(")");
        }

        private boolean op(int k, String op) {
            return k >= 0 && k < toks.size() && toks.get(k).isOp(op);
        }

        private boolean word(int k, String w) {
            return k >= 0 && k < toks.size() && toks.get(k).isWord(w);
        }

        /** The index of the column's last token, when the column is a resolved reference; -1 otherwise. */
        private int columnEnd(Column col) {
            int[] span = resolved(col);
            if (span == null) return -1;
            for (int k = 0; k < toks.size(); k++) if (toks.get(k).end == span[1]) return k;
            return -1;
        }

        private int columnStart(Column col) {
            int[] span = resolved(col);
            if (span == null) return -1;
            for (int k = 0; k < toks.size(); k++) if (toks.get(k).start == span[0]) return k;
            return -1;
        }

        /** The column's span, when the resolver recorded it as a reference to a column of a relation. */
        private int[] resolved(Column col) {
            int[] span = r.span(col);
            if (span == null) return null;
            for (Occurrence o : r.draft.occurrences) {
                if (o.start == span[0] && o.end == span[1] && o.star == null) return span;
            }
            return null;
        }
    }
}
