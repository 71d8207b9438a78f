package dev.veil.analyzer.dialect.h2;

import java.util.HashSet;
import java.util.Set;

import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.Frag;
import dev.veil.analyzer.internal.escapes.FragBuilder;

/**
 * H2's {@code JdbcConnection.translateSQL}: braces become spaces, {@code fn} and {@code oj} are blanked, every
 * other keyword is left for H2's parser ({@code d '…'} is H2's own date literal). For the analysis, the
 * {@code d}/{@code t}/{@code ts} literals are written as the standard {@code DATE '…'}, {@code TIME '…'},
 * {@code TIMESTAMP '…'} they are.
 */
final class H2TranslateSql {

    private final Frag src;
    private final String s;
    private final Set<Integer> processed;

    H2TranslateSql(Frag src, Set<Integer> processed) {
        this.src = src;
        this.s = src.text();
        this.processed = processed;
    }

    static Set<Integer> codeBraces(String sql) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            switch (c) {
                case '\'', '"', '/', '-', '$' -> i = getEnd(sql, i, c);
                case '{', '}' -> out.add(i);
                default -> { }
            }
        }
        return out;
    }

    private void brace(int i) {
        int o = src.origAt(i);
        if (o < 0) throw new EscapeRefused("escape brace without an exact position");
        processed.add(o);
    }

    Frag run() {
        FragBuilder out = new FragBuilder();
        int copied = 0;
        int level = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'', '"', '/', '-', '$' -> i = getEnd(s, i, c);
                case '{' -> {
                    level++;
                    brace(i);
                    out.add(src, copied, i);
                    out.synth(" ", src.mapStart(i, false), src.mapEnd(i + 1, false));
                    copied = i + 1;
                    i++;
                    while (i < len && Character.isSpaceChar(s.charAt(i))) i++;
                    if (i >= len) throw new EscapeRefused("unterminated escape");
                    int start = i;
                    if (Character.isDigit(s.charAt(i))) throw new EscapeRefused("H2 keeps the braces of {n…}");
                    if (s.charAt(i) == '?') {
                        i++;
                        while (i < len && Character.isSpaceChar(s.charAt(i))) i++;
                        if (i >= len || s.charAt(i) != '=') throw new EscapeRefused("{? without =");
                        i++;
                        while (i < len && Character.isSpaceChar(s.charAt(i))) i++;
                        if (i >= len) throw new EscapeRefused("unterminated escape");
                    }
                    while (i < len && !Character.isSpaceChar(s.charAt(i))) i++;
                    if (i >= len) throw new EscapeRefused("unterminated escape");
                    int remove = 0;
                    String literal = null;
                    String word = s.substring(start, Math.min(i, len));
                    if (found(s, start, "fn")) {
                        remove = 2;
                    } else if (found(s, start, "escape") || found(s, start, "call")) {
                        remove = 0;
                    } else if (found(s, start, "oj")) {
                        remove = 2;
                    } else if (found(s, start, "ts")) {
                        literal = word.equalsIgnoreCase("ts") ? "TIMESTAMP" : null;
                    } else if (found(s, start, "t")) {
                        literal = word.equalsIgnoreCase("t") ? "TIME" : null;
                    } else if (found(s, start, "d")) {
                        literal = word.equalsIgnoreCase("d") ? "DATE" : null;
                    } else if (found(s, start, "params")) {
                        throw new EscapeRefused("{params escape");
                    }
                    if (remove > 0) {
                        out.add(src, copied, start);
                        out.synth(" ".repeat(remove), src.mapStart(start, false), src.mapEnd(start + remove, false));
                        copied = start + remove;
                    } else if (literal != null) {
                        out.add(src, copied, start);
                        out.synth(literal, src.mapStart(start, false), src.mapEnd(i, false));
                        copied = i;
                    }
                    // the loop continues at the space that ended the word
                    i--;
                }
                case '}' -> {
                    if (--level < 0) throw new EscapeRefused("closing brace without an opening one");
                    brace(i);
                    out.add(src, copied, i);
                    out.synth(" ", src.mapStart(i, false), src.mapEnd(i + 1, false));
                    copied = i + 1;
                }
                default -> { }
            }
        }
        if (level != 0) throw new EscapeRefused("unbalanced braces");
        out.add(src, copied, len);
        return out.build();
    }

    private static boolean found(String sql, int start, String other) {
        return sql.regionMatches(true, start, other, 0, other.length());
    }

    /** {@code JdbcConnection.translateGetEnd}. */
    static int getEnd(String sql, int i, char c) {
        int len = sql.length();
        switch (c) {
            case '$' -> {
                if (i < len - 1 && sql.charAt(i + 1) == '$' && (i == 0 || sql.charAt(i - 1) <= ' ')) {
                    int j = sql.indexOf("$$", i + 2);
                    if (j < 0) throw new EscapeRefused("unterminated dollar quote");
                    return j + 1;
                }
                return i;
            }
            case '\'', '"' -> {
                int j = sql.indexOf(c, i + 1);
                if (j < 0) throw new EscapeRefused("unterminated quote");
                return j;
            }
            case '/' -> {
                if (i + 1 >= len) throw new EscapeRefused("statement ends with /");
                if (sql.charAt(i + 1) == '*') {
                    int j = sql.indexOf("*/", i + 2);
                    if (j < 0) throw new EscapeRefused("unterminated comment");
                    return j + 1;
                } else if (sql.charAt(i + 1) == '/') {
                    i += 2;
                    while (i < len && sql.charAt(i) != '\r' && sql.charAt(i) != '\n') i++;
                }
                return i;
            }
            case '-' -> {
                if (i + 1 >= len) throw new EscapeRefused("statement ends with -");
                if (sql.charAt(i + 1) == '-') {
                    i += 2;
                    while (i < len && sql.charAt(i) != '\r' && sql.charAt(i) != '\n') i++;
                }
                return i;
            }
            default -> throw new IllegalStateException();
        }
    }
}
