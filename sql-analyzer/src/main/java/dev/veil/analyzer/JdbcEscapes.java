package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JDBC escape syntax ({@code {fn …}}, {@code {d …}}, {@code {t …}}, {@code {ts …}}, {@code {oj …}},
 * {@code {escape …}}, {@code {limit …}}, {@code {call …}}, {@code {? = call …}}), translated the way each vendor
 * driver translates it before the statement reaches the server, so that the analysis is of what the server runs.
 *
 * <p>The vendor drivers (pgjdbc 42.7, MariaDB Connector/J 3.5, H2 2.3) each scan the text with their own idea of
 * strings and comments. The translators below follow their code step by step; every brace a driver reads as escape
 * syntax must be a brace the database's lexer reads as code, and the other way round, or the text is refused (a
 * driver and the database disagreeing on a brace is exactly where what runs and what was analyzed could differ).
 *
 * <p>Statement-level call escapes are analyzed in a canonical form: {@code {call p(args)}} as {@code call p(args)}
 * (MariaDB and H2 send exactly that; pgjdbc sends {@code select * from p(args) as result} or {@code call p(args)},
 * depending on {@code escapeSyntaxCallMode}, both a call of routine p with these arguments), and
 * {@code {? = call f(args)}} as {@code SELECT f(args)} (MariaDB's {@code prepareCall} sends exactly that; pgjdbc
 * {@code select * from f(args) as result}, H2 {@code ? = call f(args)}).
 *
 * <p>The translated text comes with a map back to the original, so that a rewrite edits the original (which is what
 * is handed to the vendor driver, with its escapes) at the places the analysis found.
 */
final class JdbcEscapes {

    private JdbcEscapes() { }

    /** Thrown while translating: the text is refused with this reason. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    enum CallKind { CALL, CALL_FUNCTION }

    /** A call escape found at the start of a statement; offsets in the original text. */
    record CallEscape(int open, int close, CallKind kind) { }

    // ---- text with its origin --------------------------------------------------------------------------------------

    /**
     * A stretch of translated text: {@code [start, end)} in the translated text came from {@code [oStart, oEnd)} in
     * the original. Copies are verbatim (offsets map one to one); replacements map only at the sides marked exact
     * ({@code oStart}/{@code oEnd} ≥ 0). A replacement by nothing (a deleted brace) has {@code start == end}.
     */
    record Piece(int start, int end, int oStart, int oEnd, boolean copy) { }

    /** Text and where each stretch of it came from. */
    static final class Frag {
        final String text;
        final List<Piece> pieces;

        Frag(String text, List<Piece> pieces) {
            this.text = text;
            this.pieces = pieces;
        }

        static Frag identity(String original) {
            return new Frag(original, List.of(new Piece(0, original.length(), 0, original.length(), true)));
        }

        int length() {
            return text.length();
        }

        /** The original offset of the character at {@code i}, when it is a verbatim copy; else -1. */
        int origAt(int i) {
            for (Piece p : pieces) {
                if (p.copy && i >= p.start && i < p.end) return p.oStart + (i - p.start);
            }
            return -1;
        }

        /**
         * Where a translated offset starts in the original; -1 when it is inside replaced text. {@code wide}: at the
         * start of a replacement, or after a deletion, it is where those start (a span then covers escape syntax).
         */
        int mapStart(int s, boolean wide) {
            if (wide) {
                for (Piece p : pieces) {
                    if (p.start == s) return p.oStart;
                    if (p.start > s) break;
                }
            }
            for (Piece p : pieces) {
                if (p.start == p.end || s < p.start || s >= p.end) continue;
                if (p.copy) return p.oStart + (s - p.start);
                return s == p.start ? p.oStart : -1;
            }
            return s == text.length() ? lastEnd() : -1;
        }

        /** Where a translated end offset ends in the original; {@code wide} extends it over deletions that follow. */
        int mapEnd(int e, boolean wide) {
            return wide ? mapEndWide(e)[0] : mapEndAt(e);
        }

        private int mapEndAt(int e) {
            for (Piece p : pieces) {
                if (p.start == p.end || e <= p.start || e > p.end) continue;
                return p.copy ? p.oStart + (e - p.start) : e == p.end ? p.oEnd : -1;
            }
            if (e == 0 && !pieces.isEmpty()) return pieces.get(0).oStart;
            return -1;
        }

        /**
         * An end offset extended over the escape syntax that follows it (deleted braces, or braces the driver turns
         * into spaces): {original end, translated end}. Where a select item's alias goes.
         */
        int[] mapEndWide(int e) {
            int k = -1;
            for (int j = 0; j < pieces.size(); j++) {
                Piece p = pieces.get(j);
                if (p.start < e && e <= p.end) {
                    k = j;
                    break;
                }
            }
            if (k < 0) return new int[] {-1, -1};
            Piece p = pieces.get(k);
            int r = p.copy ? p.oStart + (e - p.start) : e == p.end ? p.oEnd : -1;
            int s = e;
            if (r < 0 || e < p.end) return new int[] {r, s};
            // over whitespace and escape syntax, up to the last piece of syntax (a closing brace)
            for (int j = k + 1; j < pieces.size(); j++) {
                Piece q = pieces.get(j);
                boolean blank = text.substring(q.start, q.end).isBlank();
                if (!blank) break;
                if (!q.copy) {
                    if (q.oEnd < 0) break;
                    r = q.oEnd;
                    s = q.end;
                }
            }
            return new int[] {r, s};
        }

        private int lastEnd() {
            return pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).oEnd;
        }

        Frag slice(int from, int to) {
            Builder b = new Builder();
            b.add(this, from, to);
            return b.build();
        }
    }

    /** Builds a {@link Frag} from copies of other fragments and replacements. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Piece> pieces = new ArrayList<>();

        /** Appends {@code [from, to)} of {@code f} with its origin. */
        Builder add(Frag f, int from, int to) {
            if (from >= to) return this;
            for (Piece p : f.pieces) {
                int a = Math.max(from, p.start);
                int z = Math.min(to, p.end);
                if (p.start == p.end) {
                    // a deletion belongs to the character it precedes (or to the end of the text)
                    if (p.start >= from && (p.start < to || p.start == to && to == f.text.length())) {
                        piece(0, p.oStart, p.oEnd, false);
                    }
                    continue;
                }
                if (a >= z) continue;
                if (p.copy) {
                    piece(z - a, p.oStart + (a - p.start), p.oStart + (z - p.start), true);
                } else {
                    piece(z - a, a == p.start ? p.oStart : -1, z == p.end ? p.oEnd : -1, false);
                }
            }
            text.append(f.text, from, to);
            return this;
        }

        Builder add(Frag f) {
            for (Piece p : f.pieces) piece(p.end - p.start, p.oStart, p.oEnd, p.copy);
            text.append(f.text);
            return this;
        }

        /** Appends {@code s} standing for original text {@code [oStart, oEnd)} (-1 where a side is not exact). */
        Builder synth(String s, int oStart, int oEnd) {
            piece(s.length(), oStart, oEnd, false);
            text.append(s);
            return this;
        }

        private void piece(int length, int oStart, int oEnd, boolean copy) {
            int start = pieceEnd();
            if (copy && !pieces.isEmpty()) {
                Piece last = pieces.get(pieces.size() - 1);
                if (last.copy && last.oEnd == oStart && last.end == start) {
                    pieces.set(pieces.size() - 1, new Piece(last.start, start + length, last.oStart, oEnd, true));
                    return;
                }
            }
            pieces.add(new Piece(start, start + length, oStart, oEnd, copy));
        }

        private int pieceEnd() {
            return pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).end;
        }

        Frag build() {
            return new Frag(text.toString(), List.copyOf(pieces));
        }
    }

    // ---- the translation -------------------------------------------------------------------------------------------

    /** The text the server runs (canonical for call escapes), its map to the original, and the call escapes. */
    record Translation(Frag frag, List<CallEscape> calls) {
        String text() {
            return frag.text;
        }

        boolean identity() {
            return frag.pieces.size() == 1 && frag.pieces.get(0).copy && frag.pieces.get(0).oStart == 0;
        }
    }

    /**
     * Translates the escapes of {@code executed} (the statement text as handed to the vendor driver) as the dialect's
     * vendor driver does.
     *
     * @param tokens the database lexer's tokens of {@code executed} (comments included)
     * @param segments the statements of {@code executed}
     * @throws Refused when the driver would refuse it, when the driver and the database read a brace differently, or
     *                 for an escape the analyzer does not model
     */
    static Translation translate(String executed, Dialect dialect, List<SqlLexer.Tok> tokens, List<SqlLexer.Segment> segments) {
        if (executed.indexOf('{') < 0 && executed.indexOf('}') < 0) return new Translation(Frag.identity(executed), List.of());
        Set<Integer> codeBraces = new HashSet<>();
        for (SqlLexer.Tok t : tokens) {
            if (t.isOp("{") || t.isOp("}")) codeBraces.add(t.start);
        }
        Set<Integer> driverCode = switch (dialect) {
            case POSTGRESQL -> Pg.codeBraces(executed);
            case MARIADB -> MariaDb.codeBraces(executed);
            case H2 -> H2.codeBraces(executed);
        };
        // braces only in strings and comments, for the database and for the driver alike
        if (codeBraces.isEmpty() && driverCode.isEmpty()) return new Translation(Frag.identity(executed), List.of());
        Set<Integer> processed = new HashSet<>();
        List<CallEscape> calls = new ArrayList<>();
        Frag pre = callEscapes(executed, dialect, segments, processed, calls);
        for (int b : processed) {
            if (!driverCode.contains(b)) throw new Refused("the driver does not read the call escape at offset " + b + " as code");
        }
        Frag out = switch (dialect) {
            case POSTGRESQL -> new Pg(pre, processed).run();
            case MARIADB -> new MariaDb(processed).parse(pre);
            case H2 -> new H2(pre, processed).run();
        };
        for (int b : codeBraces) {
            if (!processed.contains(b)) throw new Refused("the driver leaves the brace at offset " + b + " for the database");
        }
        for (int b : processed) {
            if (!codeBraces.contains(b)) {
                throw new Refused("the driver reads a brace at offset " + b + " as escape syntax where the database sees a string or comment");
            }
        }
        return new Translation(out, List.copyOf(calls));
    }

    // ---- call escapes ----------------------------------------------------------------------------------------------

    /**
     * Rewrites statement-level call escapes into their canonical form; everything else is copied for the driver's
     * translator. Only {@code {[? =] call name[(arguments)]}} filling a whole statement is accepted.
     */
    private static Frag callEscapes(String text, Dialect dialect, List<SqlLexer.Segment> segments, Set<Integer> processed,
                                    List<CallEscape> calls) {
        Frag src = Frag.identity(text);
        Builder b = new Builder();
        int pos = 0;
        for (SqlLexer.Segment seg : segments) {
            List<SqlLexer.Tok> sig = seg.significant();
            if (sig.isEmpty() || !sig.get(0).isOp("{")) continue;
            int k = 1;
            boolean function = false;
            if (k + 1 < sig.size() && sig.get(k).kind == SqlLexer.Kind.PARAM && sig.get(k).value.equals("?") && sig.get(k + 1).isOp("=")) {
                function = true;
                k += 2;
            }
            if (k >= sig.size() || !sig.get(k).isWord("call")) continue;
            SqlLexer.Tok callWord = sig.get(k);
            SqlLexer.Tok open = sig.get(0);
            SqlLexer.Tok close = sig.get(sig.size() - 1);
            if (!close.isOp("}")) throw new Refused("a JDBC call escape must fill its statement");
            k++;
            if (k >= sig.size() - 1 || sig.get(k).start == callWord.end) throw new Refused("JDBC call escape without a routine name");
            int nameStart = sig.get(k).start;
            // name [. name]*
            while (true) {
                SqlLexer.Tok n = sig.get(k);
                if (n.kind != SqlLexer.Kind.WORD && n.kind != SqlLexer.Kind.QUOTED_IDENT) throw new Refused("JDBC call escape routine name");
                k++;
                if (k < sig.size() - 1 && sig.get(k).isOp(".")) {
                    k++;
                    if (k >= sig.size() - 1) throw new Refused("JDBC call escape routine name");
                    continue;
                }
                break;
            }
            int bodyEnd;
            if (k < sig.size() - 1 && sig.get(k).isOp("(")) {
                int depth = 0;
                int j = k;
                for (; j < sig.size() - 1; j++) {
                    if (sig.get(j).isOp("(")) depth++;
                    else if (sig.get(j).isOp(")") && --depth == 0) break;
                }
                if (j != sig.size() - 2) throw new Refused("a JDBC call escape must end with its argument list");
                bodyEnd = sig.get(j).end;
                checkCallArguments(text, dialect, function, seg.tokens(), sig.get(k).start, bodyEnd);
            } else if (k == sig.size() - 1) {
                if (function) throw new Refused("JDBC function call escape without an argument list");
                bodyEnd = sig.get(k - 1).end;
            } else {
                throw new Refused("a JDBC call escape must be {[? =] call name(arguments)}");
            }
            b.add(src, pos, open.start);
            if (function) {
                b.synth("SELECT ", open.start, nameStart);
                b.add(src, nameStart, bodyEnd);
            } else {
                b.synth("", open.start, callWord.start);
                b.add(src, callWord.start, bodyEnd);
            }
            b.synth("", bodyEnd, close.end);
            pos = close.end;
            processed.add(open.start);
            processed.add(close.start);
            calls.add(new CallEscape(open.start, close.start, function ? CallKind.CALL_FUNCTION : CallKind.CALL));
        }
        b.add(src, pos, text.length());
        return b.build();
    }

    /**
     * What each driver does with the argument list of a call escape. pgjdbc finds the closing brace knowing only
     * single-quoted strings (a quote, brace or semicolon in an identifier or comment would end it elsewhere);
     * MariaDB's {@code prepareCall} sends a function's arguments without translating escapes.
     */
    private static void checkCallArguments(String text, Dialect dialect, boolean function, List<SqlLexer.Tok> tokens,
                                           int from, int to) {
        for (SqlLexer.Tok t : tokens) {
            if (t.start < from || t.end > to) continue;
            if (dialect == Dialect.MARIADB && function && t.isOp("{")) {
                throw new Refused("escapes in the arguments of a MariaDB function call escape reach the server untranslated");
            }
            if (dialect != Dialect.POSTGRESQL) continue;
            String raw = text.substring(t.start, t.end);
            boolean plain = switch (t.kind) {
                case STRING -> raw.startsWith("'");
                case QUOTED_IDENT, COMMENT -> raw.indexOf('\'') < 0 && raw.indexOf('{') < 0 && raw.indexOf('}') < 0 && raw.indexOf(';') < 0;
                default -> true;
            };
            if (!plain) throw new Refused("pgjdbc reads the arguments of a call escape differently from the server");
        }
    }

    // ---- pgjdbc --------------------------------------------------------------------------------------------------

    /** pgjdbc's {@code Parser.replaceProcessing} and {@code EscapedFunctions2}, with standard_conforming_strings on. */
    private static final class Pg {
        private enum State { CODE, DATE, TIME, TIMESTAMP, FUNCTION, OUTER_JOIN, ESCAPE }

        private static final String[] KEYWORDS = {"d", "t", "ts", "fn", "oj", "escape"};
        private static final State[] STATES = {State.DATE, State.TIME, State.TIMESTAMP, State.FUNCTION, State.OUTER_JOIN, State.ESCAPE};
        private static final String[] REPLACEMENT = {"DATE ", "TIME ", "TIMESTAMP ", null, null, "ESCAPE "};

        private final Frag src;
        private final char[] c;
        private final int len;
        private final Set<Integer> processed;

        Pg(Frag src, Set<Integer> processed) {
            this.src = src;
            this.c = src.text.toCharArray();
            this.len = c.length;
            this.processed = processed;
        }

        Frag run() {
            Builder out = new Builder();
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
            if (o < 0) throw new Refused("escape brace without an exact position");
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

        private int parseSql(int i, Builder out, boolean stopOnComma) {
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
                            if (i >= len) throw new Refused("unterminated dollar quote");
                            out.add(src, i0, i + 1);
                            continue;
                        } else if (ch == '\'') {
                            int i0 = i;
                            i = singleQuotes(c, i);
                            if (i >= len) throw new Refused("unterminated string");
                            out.add(src, i0, i + 1);
                            continue;
                        } else if (ch == '"') {
                            int i0 = i;
                            i = doubleQuotes(c, i);
                            if (i >= len) throw new Refused("unterminated identifier");
                            out.add(src, i0, i + 1);
                            continue;
                        } else if (ch == '/') {
                            int i0 = i;
                            i = blockComment(c, i);
                            if (i >= len) throw new Refused("unterminated comment");
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
            if (state != State.CODE) throw new Refused("unterminated JDBC escape");
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
        private int escapeFunction(int i, Builder out) {
            int nameStart = i;
            int argPos = i;
            while (argPos < len && c[argPos] != '(') argPos++;
            if (argPos >= len) throw new Refused("escape function without an argument list");
            String name = new String(c, i, argPos - i).trim();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) throw new Refused("escape function name");
            i = argPos + 1;
            List<Frag> args = new ArrayList<>();
            while (true) {
                Builder arg = new Builder();
                int lastPos = i;
                i = parseSql(i, arg, true);
                if (i != lastPos) args.add(arg.build());
                if (i >= len || c[i] != ',') break;
                i++;
            }
            if (i >= len) throw new Refused("unterminated escape function");
            for (Frag a : args) {
                if (a.text.isBlank()) throw new Refused("empty argument in an escape function");
            }
            int closeParen = i;
            i++;
            while (i < len && c[i] != '}') {
                if (!Character.isWhitespace(c[i])) throw new Refused("text after an escape function's arguments");
                i++;
            }
            if (i >= len) throw new Refused("unterminated escape function");
            brace(i);
            List<Object> parts = PgFunctions.translate(name, args);
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
            if (offset >= 2 && (q[offset - 1] == 'e' || q[offset - 1] == 'E') && terminatesIdentifier(q[offset - 2])) std = false;
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

    /** pgjdbc's {@code EscapedFunctions2}: the text each escape function becomes, as parts (text or arguments). */
    static final class PgFunctions {
        private PgFunctions() { }

        static List<Object> translate(String name, List<Frag> a) {
            String n = name.toLowerCase(Locale.US);
            List<Object> p = new ArrayList<>();
            switch (n) {
                case "ceiling" -> single(p, "ceil(", a);
                case "log" -> single(p, "ln(", a);
                case "log10" -> single(p, "log(", a);
                case "power" -> call(p, "pow(", ",", ")", arity(a, 2));
                case "truncate" -> call(p, "trunc(", ",", ")", arity(a, 2));
                case "char" -> single(p, "chr(", a);
                case "concat" -> call(p, "(", "||", ")", a);
                case "insert" -> {
                    arity(a, 4);
                    p.add("overlay(");
                    p.add(a.get(0));
                    p.add(" placing ");
                    p.add(a.get(3));
                    p.add(" from ");
                    p.add(a.get(1));
                    p.add(" for ");
                    p.add(a.get(2));
                    p.add(")");
                }
                case "lcase" -> single(p, "lower(", a);
                case "left" -> call(p, "substring(", " for ", ")", arity(a, 2));
                case "length" -> call(p, "length(trim(trailing from ", "", "))", arity(a, 1));
                case "locate" -> {
                    if (a.size() == 2) {
                        call(p, "position(", " in ", ")", a);
                    } else if (a.size() == 3) {
                        p.add("(");
                        p.add(a.get(2));
                        p.add("*sign(");
                        locateTmp(p, a);
                        p.add(")+");
                        locateTmp(p, a);
                        p.add(")");
                    } else {
                        throw new Refused("locate takes two or three arguments");
                    }
                }
                case "ltrim" -> single(p, "trim(leading from ", a);
                case "right" -> {
                    arity(a, 2);
                    p.add("substring(");
                    p.add(a.get(0));
                    p.add(" from (length(");
                    p.add(a.get(0));
                    p.add(")+1-");
                    p.add(a.get(1));
                    p.add("))");
                }
                case "rtrim" -> single(p, "trim(trailing from ", a);
                case "space" -> single(p, "repeat(' ',", a);
                case "substring" -> {
                    if (a.size() != 2 && a.size() != 3) throw new Refused("substring takes two or three arguments");
                    call(p, "substr(", ",", ")", a);
                }
                case "ucase" -> single(p, "upper(", a);
                case "curdate" -> zero(p, "current_date", a);
                case "curtime" -> zero(p, "current_time", a);
                case "dayname" -> call(p, "to_char(", ",", ",'Day')", arity(a, 1));
                case "dayofmonth" -> single(p, "extract(day from ", a);
                case "dayofweek" -> call(p, "extract(dow from ", ",", ")+1", arity(a, 1));
                case "dayofyear" -> single(p, "extract(doy from ", a);
                case "hour" -> single(p, "extract(hour from ", a);
                case "minute" -> single(p, "extract(minute from ", a);
                case "month" -> single(p, "extract(month from ", a);
                case "monthname" -> call(p, "to_char(", ",", ",'Month')", arity(a, 1));
                case "quarter" -> single(p, "extract(quarter from ", a);
                case "second" -> single(p, "extract(second from ", a);
                case "week" -> single(p, "extract(week from ", a);
                case "year" -> single(p, "extract(year from ", a);
                case "timestampadd" -> {
                    arity(a, 3);
                    p.add("(");
                    interval(p, a.get(0).text, a.get(1));
                    p.add("+");
                    p.add(a.get(2));
                    p.add(")");
                }
                case "timestampdiff" -> {
                    arity(a, 3);
                    p.add("extract( " + datePart(a.get(0).text) + " from (");
                    p.add(a.get(2));
                    p.add("-");
                    p.add(a.get(1));
                    p.add("))");
                }
                case "database" -> zero(p, "current_database()", a);
                case "ifnull" -> call(p, "coalesce(", ",", ")", arity(a, 2));
                case "user" -> zero(p, "user", a);
                default -> call(p, name + "(", ",", ")", a);
            }
            return p;
        }

        private static void locateTmp(List<Object> p, List<Frag> a) {
            p.add("position(");
            p.add(a.get(0));
            p.add(" in substring(");
            p.add(a.get(1));
            p.add(" from ");
            p.add(a.get(2));
            p.add("))");
        }

        private static List<Frag> arity(List<Frag> a, int n) {
            if (a.size() != n) throw new Refused("escape function takes " + n + " arguments");
            return a;
        }

        private static void single(List<Object> p, String begin, List<Frag> a) {
            arity(a, 1);
            p.add(begin);
            p.add(a.get(0));
            p.add(")");
        }

        private static void zero(List<Object> p, String text, List<Frag> a) {
            arity(a, 0);
            p.add(text);
        }

        private static void call(List<Object> p, String begin, String sep, String end, List<Frag> a) {
            p.add(begin);
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) p.add(sep);
                p.add(a.get(i));
            }
            p.add(end);
        }

        private static final Map<String, String> TSI = new HashMap<>();

        static {
            TSI.put("DAY", "day");
            TSI.put("SECOND", "second");
            TSI.put("HOUR", "hour");
            TSI.put("MINUTE", "minute");
            TSI.put("MONTH", "month");
            TSI.put("WEEK", "week");
            TSI.put("YEAR", "year");
        }

        private static String tsi(String type) {
            if (!type.regionMatches(true, 0, "SQL_TSI_", 0, 8)) throw new Refused("interval " + "type not supported");
            return type.substring(8).toUpperCase(Locale.ROOT);
        }

        private static void interval(List<Object> p, String type, Frag value) {
            String unit = tsi(type);
            if (TSI.containsKey(unit)) {
                p.add("CAST(");
                p.add(value);
                p.add("||' " + TSI.get(unit) + "' as interval)");
            } else if (unit.equals("QUARTER")) {
                p.add("CAST((");
                p.add(value);
                p.add("::int * 3) || ' month' as interval)");
            } else {
                throw new Refused("interval type not supported by the driver");
            }
        }

        private static String datePart(String type) {
            String unit = tsi(type);
            return switch (unit) {
                case "DAY", "SECOND", "HOUR", "MINUTE" -> TSI.get(unit);
                default -> throw new Refused("interval type not supported by the driver");
            };
        }
    }

    // ---- MariaDB Connector/J -----------------------------------------------------------------------------------------

    /** MariaDB Connector/J's {@code NativeSql.parse}. */
    private static final class MariaDb {
        private enum Lex { NORMAL, STRING, SLASH_STAR_COMMENT, ESCAPE, EOL_COMMENT, BACKTICK }

        private final Set<Integer> processed;

        MariaDb(Set<Integer> processed) {
            this.processed = processed;
        }

        /** The braces NativeSql's scanner counts (in its NORMAL state). */
        static Set<Integer> codeBraces(String text) {
            Set<Integer> out = new HashSet<>();
            scan(text, (i, ch) -> out.add(i));
            return out;
        }

        private interface BraceListener {
            void brace(int index, char ch);
        }

        /** NativeSql's state machine, reporting braces read in its NORMAL state. */
        private static void scan(String sql, BraceListener l) {
            Lex state = Lex.NORMAL;
            char lastChar = '\0';
            boolean singleQuotes = false;
            for (int idx = 0; idx < sql.length(); idx++) {
                char car = sql.charAt(idx);
                if (state == Lex.ESCAPE && !((car == '\'' && singleQuotes) || (car == '"' && !singleQuotes))) {
                    state = Lex.STRING;
                    lastChar = car;
                    continue;
                }
                switch (car) {
                    case '*' -> {
                        if (state == Lex.NORMAL && lastChar == '/') state = Lex.SLASH_STAR_COMMENT;
                    }
                    case '/' -> {
                        if (state == Lex.SLASH_STAR_COMMENT && lastChar == '*') state = Lex.NORMAL;
                        else if (state == Lex.NORMAL && lastChar == '/') state = Lex.EOL_COMMENT;
                    }
                    case '#' -> {
                        if (state == Lex.NORMAL) state = Lex.EOL_COMMENT;
                    }
                    case '-' -> {
                        if (state == Lex.NORMAL && lastChar == '-') state = Lex.EOL_COMMENT;
                    }
                    case '\n' -> {
                        if (state == Lex.EOL_COMMENT) state = Lex.NORMAL;
                    }
                    case '"' -> {
                        if (state == Lex.NORMAL) {
                            state = Lex.STRING;
                            singleQuotes = false;
                        } else if (state == Lex.STRING && !singleQuotes) {
                            state = Lex.NORMAL;
                        } else if (state == Lex.ESCAPE) {
                            state = Lex.STRING;
                        }
                    }
                    case '\'' -> {
                        if (state == Lex.NORMAL) {
                            state = Lex.STRING;
                            singleQuotes = true;
                        } else if (state == Lex.STRING && singleQuotes) {
                            state = Lex.NORMAL;
                        } else if (state == Lex.ESCAPE) {
                            state = Lex.STRING;
                        }
                    }
                    case '\\' -> {
                        if (state == Lex.STRING) state = Lex.ESCAPE;
                    }
                    case '`' -> {
                        if (state == Lex.BACKTICK) state = Lex.NORMAL;
                        else if (state == Lex.NORMAL) state = Lex.BACKTICK;
                    }
                    case '{', '}' -> {
                        if (state == Lex.NORMAL) l.brace(idx, car);
                    }
                    default -> { }
                }
                lastChar = car;
            }
        }

        Frag parse(Frag src) {
            String sql = src.text;
            if (!sql.contains("{")) return src;
            Builder out = new Builder();
            int[] escapeIdx = {0};
            int[] lastEscapePart = {0};
            boolean[] inEscape = {false};
            int[] copiedTo = {0};
            // the same state machine as scan(): copy what is outside escapes, resolve each outermost escape
            List<int[]> escapes = new ArrayList<>();
            scan(sql, (idx, car) -> {
                if (car == '{') {
                    if (!inEscape[0]) {
                        inEscape[0] = true;
                        lastEscapePart[0] = idx;
                    }
                    escapeIdx[0]++;
                } else if (inEscape[0]) {
                    escapeIdx[0]--;
                    if (escapeIdx[0] == 0) {
                        escapes.add(new int[] {lastEscapePart[0], idx + 1});
                        inEscape[0] = false;
                    }
                }
            });
            if (inEscape[0]) throw new Refused("escape sequence without its closing brace");
            for (int[] e : escapes) {
                out.add(src, copiedTo[0], e[0]);
                out.add(resolve(src.slice(e[0], e[1])));
                copiedTo[0] = e[1];
            }
            out.add(src, copiedTo[0], sql.length());
            return out.build();
        }

        private void braces(Frag esc) {
            int open = esc.origAt(0);
            int close = esc.origAt(esc.length() - 1);
            if (open < 0 || close < 0) throw new Refused("escape brace without an exact position");
            processed.add(open);
            processed.add(close);
        }

        /** {@code NativeSql.resolveEscapes}. */
        private Frag resolve(Frag esc) {
            String s = esc.text;
            int end = s.length() - 1;
            Builder b = new Builder();
            if (s.startsWith("{fn ")) {
                braces(esc);
                b.synth("", esc.mapStart(0, false), esc.mapEnd(4, false));
                b.add(parse(functionParameter(esc.slice(4, end))));
                b.synth("", esc.mapStart(end, false), esc.mapEnd(end + 1, false));
                return b.build();
            }
            if (s.startsWith("{oj ")) {
                braces(esc);
                b.synth("", esc.mapStart(0, false), esc.mapEnd(4, false));
                b.add(parse(esc.slice(4, end)));
                b.synth("", esc.mapStart(end, false), esc.mapEnd(end + 1, false));
                return b.build();
            }
            int literal = s.startsWith("{d ") || s.startsWith("{t ") ? 3 : s.startsWith("{ts ") ? 4
                    : s.startsWith("{d'") || s.startsWith("{t'") ? 2 : s.startsWith("{ts'") ? 3 : -1;
            if (literal > 0) {
                braces(esc);
                b.synth("", esc.mapStart(0, false), esc.mapEnd(literal, false));
                b.add(esc, literal, end);
                b.synth("", esc.mapStart(end, false), esc.mapEnd(end + 1, false));
                return b.build();
            }
            if (s.startsWith("{call ") || s.startsWith("{CALL ") || s.startsWith("{?")) {
                // a call escape inside a statement: the driver sends it without its braces, which is not a statement
                // the server runs as the analyzer would read it
                throw new Refused("a JDBC call escape must be a whole statement");
            }
            if (s.startsWith("{ ") || s.startsWith("{\n") || s.startsWith("{\r\n")) {
                for (int i = s.startsWith("{\r\n") ? 3 : 2; i < s.length(); i++) {
                    if (!Character.isWhitespace(s.charAt(i))) {
                        Builder r = new Builder();
                        r.add(esc, 0, 1);
                        r.synth("", esc.mapStart(1, false), esc.mapEnd(i, false));
                        r.add(esc, i, s.length());
                        return resolve(r.build());
                    }
                }
            }
            throw new Refused("escape sequence the driver does not know");
        }

        /** {@code NativeSql.replaceFunctionParameter}. */
        private static Frag functionParameter(Frag f) {
            String s = f.text;
            int index = 0;
            while (index < s.length() && s.charAt(index) == ' ') index++;
            int nameStart = index;
            while (index < s.length() && (s.charAt(index) >= 'a' && s.charAt(index) <= 'z' || s.charAt(index) >= 'A' && s.charAt(index) <= 'Z')) {
                index++;
            }
            String func = s.substring(nameStart, index).toLowerCase(Locale.ROOT);
            switch (func) {
                case "convert" -> {
                    int lastComma = s.lastIndexOf(',');
                    int firstParen = s.indexOf('(');
                    if (lastComma < 0 || firstParen < 0 || lastComma < firstParen + 1) throw new Refused("convert escape");
                    int i = lastComma + 1;
                    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
                    int endParam = i + 1;
                    while (endParam < s.length() && (Character.isLetter(s.charAt(endParam)) && s.charAt(endParam) < 128
                            || s.charAt(endParam) == '_')) {
                        endParam++;
                    }
                    if (i >= s.length()) throw new Refused("convert escape");
                    String type = s.substring(i, endParam).toUpperCase(Locale.ROOT);
                    if (type.startsWith("SQL_")) type = type.substring(4);
                    String mapped = switch (type) {
                        case "BOOLEAN" -> null;
                        case "BIGINT", "SMALLINT", "TINYINT" -> "SIGNED INTEGER";
                        case "BIT" -> "UNSIGNED INTEGER";
                        case "BLOB", "VARBINARY", "LONGVARBINARY", "ROWID" -> "BINARY";
                        case "NCHAR", "CLOB", "NCLOB", "DATALINK", "VARCHAR", "NVARCHAR", "LONGVARCHAR", "LONGNVARCHAR",
                             "SQLXML", "LONGNCHAR" -> "CHAR";
                        // MariaDB servers and MySQL from 8.0.17 get DOUBLE, older MySQL "0.0+value": not known here
                        case "DOUBLE", "FLOAT" -> throw new Refused("convert to DOUBLE depends on the server version");
                        case "REAL", "NUMERIC" -> "DECIMAL";
                        case "TIMESTAMP" -> "DATETIME";
                        default -> type;
                    };
                    Builder b = new Builder();
                    if (mapped == null) {
                        b.synth("1=", f.mapStart(0, false), f.mapStart(firstParen + 1, false));
                        b.add(f, firstParen + 1, lastComma);
                        b.synth("", f.mapStart(lastComma, false), f.mapEnd(s.length(), false));
                        return b.build();
                    }
                    b.add(f, 0, i);
                    b.synth(mapped, f.mapStart(i, false), f.mapEnd(endParam, false));
                    b.add(f, endParam, s.length());
                    return b.build();
                }
                case "timestampdiff", "timestampadd" -> {
                    while (index < s.length() && (Character.isWhitespace(s.charAt(index)) || s.charAt(index) == '(')) index++;
                    if (index < s.length() - 8 && s.startsWith("SQL_TSI_", index)) {
                        Builder b = new Builder();
                        b.add(f, 0, index);
                        b.synth("", f.mapStart(index, false), f.mapEnd(index + 8, false));
                        b.add(f, index + 8, s.length());
                        return b.build();
                    }
                    return f;
                }
                default -> {
                    return f;
                }
            }
        }
    }

    // ---- H2 ---------------------------------------------------------------------------------------------------------

    /**
     * H2's {@code JdbcConnection.translateSQL}: braces become spaces, {@code fn} and {@code oj} are blanked, every
     * other keyword is left for H2's parser ({@code d '…'} is H2's own date literal). For the analysis, the
     * {@code d}/{@code t}/{@code ts} literals are written as the standard {@code DATE '…'}, {@code TIME '…'},
     * {@code TIMESTAMP '…'} they are.
     */
    private static final class H2 {
        private final Frag src;
        private final String s;
        private final Set<Integer> processed;

        H2(Frag src, Set<Integer> processed) {
            this.src = src;
            this.s = src.text;
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
            if (o < 0) throw new Refused("escape brace without an exact position");
            processed.add(o);
        }

        Frag run() {
            Builder out = new Builder();
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
                        if (i >= len) throw new Refused("unterminated escape");
                        int start = i;
                        if (Character.isDigit(s.charAt(i))) throw new Refused("H2 keeps the braces of {n…}");
                        if (s.charAt(i) == '?') {
                            i++;
                            while (i < len && Character.isSpaceChar(s.charAt(i))) i++;
                            if (i >= len || s.charAt(i) != '=') throw new Refused("{? without =");
                            i++;
                            while (i < len && Character.isSpaceChar(s.charAt(i))) i++;
                            if (i >= len) throw new Refused("unterminated escape");
                        }
                        while (i < len && !Character.isSpaceChar(s.charAt(i))) i++;
                        if (i >= len) throw new Refused("unterminated escape");
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
                            throw new Refused("{params escape");
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
                        if (--level < 0) throw new Refused("closing brace without an opening one");
                        brace(i);
                        out.add(src, copied, i);
                        out.synth(" ", src.mapStart(i, false), src.mapEnd(i + 1, false));
                        copied = i + 1;
                    }
                    default -> { }
                }
            }
            if (level != 0) throw new Refused("unbalanced braces");
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
                        if (j < 0) throw new Refused("unterminated dollar quote");
                        return j + 1;
                    }
                    return i;
                }
                case '\'', '"' -> {
                    int j = sql.indexOf(c, i + 1);
                    if (j < 0) throw new Refused("unterminated quote");
                    return j;
                }
                case '/' -> {
                    if (i + 1 >= len) throw new Refused("statement ends with /");
                    if (sql.charAt(i + 1) == '*') {
                        int j = sql.indexOf("*/", i + 2);
                        if (j < 0) throw new Refused("unterminated comment");
                        return j + 1;
                    } else if (sql.charAt(i + 1) == '/') {
                        i += 2;
                        while (i < len && sql.charAt(i) != '\r' && sql.charAt(i) != '\n') i++;
                    }
                    return i;
                }
                case '-' -> {
                    if (i + 1 >= len) throw new Refused("statement ends with -");
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
}
