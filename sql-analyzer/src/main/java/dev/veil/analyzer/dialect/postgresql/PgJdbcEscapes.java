package dev.veil.analyzer.dialect.postgresql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.Frag;
import dev.veil.analyzer.internal.escapes.FragBuilder;

/** pgjdbc's {@code Parser.replaceProcessing}, with standard_conforming_strings on. */
final class PgJdbcEscapes {

    private enum State { CODE, DATE, TIME, TIMESTAMP, FUNCTION, OUTER_JOIN, ESCAPE }

    private static final String[] KEYWORDS = {"d", "t", "ts", "fn", "oj", "escape"};
    private static final State[] STATES = {State.DATE, State.TIME, State.TIMESTAMP, State.FUNCTION, State.OUTER_JOIN,
            State.ESCAPE};
    private static final String[] REPLACEMENT = {"DATE ", "TIME ", "TIMESTAMP ", null, null, "ESCAPE "};

    private final Frag src;
    private final char[] c;
    private final int len;
    private final Set<Integer> processed;

    PgJdbcEscapes(Frag src, Set<Integer> processed) {
        this.src = src;
        this.c = src.text().toCharArray();
        this.len = c.length;
        this.processed = processed;
    }

    Frag run() {
        FragBuilder out = new FragBuilder();
        int i = 0;
        while (i < len) {
            i = parseSql(i, out, false);
            if (i < len) {
                out.add(src, i, i + 1);
                i++;
            }
        }
        return out.build();
    }

    private void brace(int i) {
        int o = src.origAt(i);
        if (o < 0) throw new EscapeRefused("escape brace without an exact position");
        processed.add(o);
    }

    /** The positions of the braces pgjdbc's scanner sees outside strings, identifiers and comments. */
    static Set<Integer> codeBraces(String text) {
        char[] c = text.toCharArray();
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < c.length; i++) {
            switch (c[i]) {
                case '$' -> i = dollar(c, i);
                case '\'' -> i = singleQuotes(c, i);
                case '"' -> i = doubleQuotes(c, i);
                case '/' -> i = blockComment(c, i);
                case '-' -> i = lineComment(c, i);
                case '{', '}' -> out.add(i);
                default -> { }
            }
        }
        return out;
    }

    private int parseSql(int i, FragBuilder out, boolean stopOnComma) {
        State state = State.CODE;
        int nested = 0;
        boolean endOfNested = false;
        i--;
        while (!endOfNested && ++i < len) {
            char ch = c[i];
            switch (state) {
                case CODE -> {
                    if (ch == '$') {
                        int i0 = i;
                        i = dollar(c, i);
                        if (i >= len) throw new EscapeRefused("unterminated dollar quote");
                        out.add(src, i0, i + 1);
                        continue;
                    } else if (ch == '\'') {
                        int i0 = i;
                        i = singleQuotes(c, i);
                        if (i >= len) throw new EscapeRefused("unterminated string");
                        out.add(src, i0, i + 1);
                        continue;
                    } else if (ch == '"') {
                        int i0 = i;
                        i = doubleQuotes(c, i);
                        if (i >= len) throw new EscapeRefused("unterminated identifier");
                        out.add(src, i0, i + 1);
                        continue;
                    } else if (ch == '/') {
                        int i0 = i;
                        i = blockComment(c, i);
                        if (i >= len) throw new EscapeRefused("unterminated comment");
                        out.add(src, i0, i + 1);
                        continue;
                    } else if (ch == '-') {
                        int i0 = i;
                        i = lineComment(c, i);
                        out.add(src, i0, Math.min(i + 1, len));
                        continue;
                    } else if (ch == '(') {
                        nested++;
                    } else if (ch == ')') {
                        nested--;
                        if (nested < 0) {
                            endOfNested = true;
                            continue;
                        }
                    } else if (stopOnComma && ch == ',' && nested == 0) {
                        endOfNested = true;
                        continue;
                    } else if (ch == '{' && i + 1 < len) {
                        int matched = -1;
                        int k = 0;
                        for (; k < KEYWORDS.length; k++) {
                            matched = matchedPosition(c, i + 1, KEYWORDS[k], STATES[k]);
                            if (matched > 0) break;
                        }
                        if (matched > 0) {
                            brace(i);
                            int valueAt = i + 1 + matched;
                            String repl = REPLACEMENT[k];
                            out.synth(repl == null ? "" : repl, src.mapStart(i, false), src.mapStart(valueAt, false));
                            i = valueAt - 1;
                            state = STATES[k];
                            continue;
                        }
                    }
                    out.add(src, i, i + 1);
                }
                case FUNCTION -> {
                    i = escapeFunction(i, out);
                    state = State.CODE;
                }
                default -> {
                    if (ch == '}') {
                        brace(i);
                        out.synth("", src.mapStart(i, false), src.mapEnd(i + 1, false));
                        state = State.CODE;
                    } else {
                        out.add(src, i, i + 1);
                    }
                }
            }
        }
        if (state != State.CODE) throw new EscapeRefused("unterminated JDBC escape");
        return i;
    }

    /** {@code SqlParseState.getMatchedPosition}: the length of keyword and spaces, or 0. */
    private static int matchedPosition(char[] c, int pos, String keyword, State state) {
        int p = pos;
        for (int k = 0; k < keyword.length(); k++) {
            if (p >= c.length) return 0;
            char cur = c[p++];
            char kc = keyword.charAt(k);
            if (cur != kc && cur != Character.toUpperCase(kc)) return 0;
        }
        if (p >= c.length) return 0;
        char cur = c[p];
        while (cur == ' ') {
            p++;
            if (p >= c.length) return 0;
            cur = c[p];
        }
        boolean ok = switch (state) {
            case FUNCTION -> cur == '"' || Character.isLetter(cur);
            case OUTER_JOIN -> cur == '"' || Character.isLetter(cur) || cur == '(';
            default -> cur == '\'';
        };
        return ok ? p - pos : 0;
    }

    /** {@code Parser.escapeFunction}: name, arguments (translated), then up to the closing brace. */
    private int escapeFunction(int i, FragBuilder out) {
        int nameStart = i;
        int argPos = i;
        while (argPos < len && c[argPos] != '(') argPos++;
        if (argPos >= len) throw new EscapeRefused("escape function without an argument list");
        String name = new String(c, i, argPos - i).trim();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) throw new
                EscapeRefused("escape function name");
        i = argPos + 1;
        List<Frag> args = new ArrayList<>();
        while (true) {
            FragBuilder arg = new FragBuilder();
            int lastPos = i;
            i = parseSql(i, arg, true);
            if (i != lastPos) args.add(arg.build());
            if (i >= len || c[i] != ',') break;
            i++;
        }
        if (i >= len) throw new EscapeRefused("unterminated escape function");
        for (Frag a : args) {
            if (a.text().isBlank()) throw new EscapeRefused("empty argument in an escape function");
        }
        int closeParen = i;
        i++;
        while (i < len && c[i] != '}') {
            if (!Character.isWhitespace(c[i])) throw new EscapeRefused("text after an escape function's arguments");
            i++;
        }
        if (i >= len) throw new EscapeRefused("unterminated escape function");
        brace(i);
        List<Object> parts = PgEscapedFunctions.translate(name, args);
        int head = src.mapStart(nameStart, false);
        int tail = src.mapEnd(closeParen + 1, false);
        for (int k = 0; k < parts.size(); k++) {
            Object p = parts.get(k);
            if (p instanceof Frag f) {
                out.add(f);
            } else {
                out.synth((String) p, k == 0 ? head : -1, k == parts.size() - 1 ? tail : -1);
            }
        }
        // pgjdbc copies what follows the arguments up to the brace (whitespace here), then drops the brace
        out.add(src, closeParen + 1, i);
        out.synth("", src.mapStart(i, false), src.mapEnd(i + 1, false));
        return i;
    }

    static int singleQuotes(char[] q, int offset) {
        boolean std = true;
        if (offset >= 2 && (q[offset - 1] == 'e' || q[offset - 1] == 'E')
                && terminatesIdentifier(q[offset - 2])) std = false;
        if (std) {
            while (++offset < q.length) {
                if (q[offset] == '\'') return offset;
            }
        } else {
            while (++offset < q.length) {
                if (q[offset] == '\\') ++offset;
                else if (q[offset] == '\'') return offset;
            }
        }
        return q.length;
    }

    private static boolean terminatesIdentifier(char c) {
        return c == '"' || Character.isWhitespace(c) || "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0 || c == '(' || c == ')'
                || c == ',' || c == ';' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    static int doubleQuotes(char[] q, int offset) {
        while (++offset < q.length && q[offset] != '"') {
            // to the closing quote
        }
        return offset;
    }

    static int dollar(char[] q, int offset) {
        if (offset + 1 < q.length && (offset == 0 || !Character.isJavaIdentifierPart(q[offset - 1]))) {
            int endIdx = -1;
            if (q[offset + 1] == '$') {
                endIdx = offset + 1;
            } else if (q[offset + 1] != '$' && Character.isJavaIdentifierStart(q[offset + 1])) {
                for (int d = offset + 2; d < q.length; d++) {
                    if (q[d] == '$') {
                        endIdx = d;
                        break;
                    } else if (q[d] == '$' || !Character.isJavaIdentifierPart(q[d])) {
                        break;
                    }
                }
            }
            if (endIdx > 0) {
                int tagIdx = offset;
                int tagLen = endIdx - offset + 1;
                offset = endIdx;
                for (++offset; offset < q.length; offset++) {
                    if (q[offset] == '$' && regionEquals(q, tagIdx, offset, tagLen)) {
                        offset += tagLen - 1;
                        break;
                    }
                }
            }
        }
        return offset;
    }

    private static boolean regionEquals(char[] q, int a, int b, int n) {
        if (b + n > q.length) return false;
        for (int k = 0; k < n; k++) if (q[a + k] != q[b + k]) return false;
        return true;
    }

    static int lineComment(char[] q, int offset) {
        if (offset + 1 < q.length && q[offset + 1] == '-') {
            while (offset + 1 < q.length) {
                offset++;
                if (q[offset] == '\r' || q[offset] == '\n') break;
            }
        }
        return offset;
    }

    static int blockComment(char[] q, int offset) {
        if (offset + 1 < q.length && q[offset + 1] == '*') {
            int level = 1;
            for (offset += 2; offset < q.length; offset++) {
                switch (q[offset - 1]) {
                    case '*' -> {
                        if (q[offset] == '/') {
                            --level;
                            ++offset;
                        }
                    }
                    case '/' -> {
                        if (q[offset] == '*') {
                            ++level;
                            ++offset;
                        }
                    }
                    default -> { }
                }
                if (level == 0) {
                    --offset;
                    break;
                }
            }
        }
        return offset;
    }
}
