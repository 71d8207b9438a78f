package dev.veil.analyzer.internal.parsing;

import java.util.List;

import dev.veil.analyzer.internal.lexing.SqlLexer;

import net.sf.jsqlparser.parser.Token;

/**
 * Compares the lexer's view of a statement with JSqlParser's. Any difference means the parser did not see the text
 * the database will execute — a comment the database executes, a string boundary read differently — and fails the
 * analysis closed.
 */
public final class ParseCheck {

    private ParseCheck() { }

    /**
     * @param segment    the statement as lexed
     * @param parseStart offset of the parse text given to JSqlParser within the whole input
     * @param jsql       JSqlParser's tokens (offsets relative to the parse text)
     * @return null when both agree, otherwise what differs
     */
    public static String compare(SqlLexer.Segment segment, int parseStart, List<Token> jsql) {
        int from = segment.start();
        int len = segment.end() - from;
        // what the lexer says each offset is: -1 whitespace, -2 comment or executable-comment marker, else token index
        int[] owner = new int[len];
        java.util.Arrays.fill(owner, -1);
        List<SqlLexer.Tok> toks = segment.tokens();
        for (int k = 0; k < toks.size(); k++) {
            SqlLexer.Tok t = toks.get(k);
            int mark = t.significant() ? k : -2;
            int end = t.significant() ? t.parseEnd : t.end;
            for (int i = t.start; i < end; i++) owner[i - from] = mark;
        }
        boolean[] covered = new boolean[len];
        for (Token j : jsql) {
            int a = j.absoluteBegin - 1 + parseStart - from;
            int b = j.absoluteEnd - 1 + parseStart - from;
            if (a < 0 || b > len || a >= b) return "parser token outside the statement";
            if (owner[a] < 0) return "the parser reads code at offset " + (a + from) + " where the lexer sees "
                    + (owner[a] == -2 ? "a comment" : "whitespace");
            for (int i = a; i < b; i++) {
                if (owner[i] == -2) return "the parser reads a comment at offset " + (i + from) + " as code";
                covered[i] = true;
            }
            // a parser token may touch a quoted token only by containing its quoted part and ending with it
            for (int i = a; i < b; i++) {
                int o = owner[i];
                if (o < 0) continue;
                SqlLexer.Tok t = toks.get(o);
                if (!t.opaque()) continue;
                int q = (t.parseEnd != t.end ? t.start : t.quoteStart) - from;
                int e = t.parseEnd - from;
                if (i >= q && (a > q || b != e)) {
                    return "the parser and the lexer disagree on the quoted token at offset " + (t.start);
                }
            }
        }
        for (SqlLexer.Tok t : toks) {
            if (t.significant() && !covered[t.start - from]) {
                return "the parser skips code at offset " + t.start + " that the database executes";
            }
        }
        return null;
    }
}
