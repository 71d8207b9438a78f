package dev.veil.analyzer.internal.lexing;

import java.util.ArrayList;
import java.util.List;

import dev.veil.analyzer.Dialect;

/**
 * A per-dialect lexer that sees SQL text the way the database does. It runs before JSqlParser and is the reference
 * for what is code, what is a string and what is a comment:
 *
 * <ul>
 *   <li>it splits a multi-statement string at top-level semicolons;</li>
 *   <li>it produces the text JSqlParser parses: line breaks between tokens become spaces (JSqlParser would end a
 *       statement at a blank line), MariaDB executable comments ({@code /*! … *&#47;},
 *       {@code /*!50000 … *&#47;}, {@code /*M! … *&#47;}) have their markers blanked so their content is parsed as the
 *       code it is, and string or identifier forms JSqlParser does not lex ({@code E'…'}, {@code U&'…'},
 *       {@code U&"…"}) are replaced by their plain equivalents, padded to the same length so offsets are kept;</li>
 *   <li>{@code ParseCheck} compares its tokens with JSqlParser's: any disagreement fails the analysis closed.</li>
 * </ul>
 */
public final class SqlLexer {

    public enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, PARAM, VARIABLE, OPERATOR, SEMICOLON, COMMENT, EXEC_MARKER }

    /** One token; offsets are into the original text. */
    public static final class Tok {
        public final Kind kind;
        public final int start;
        public final int end;
        /** Where the quoted part begins (after a prefix such as E, N, X, U&); equals start for other tokens. */
        public final int quoteStart;
        /** The end of this token in the parse text (differs from end when the token was replaced by a shorter form). */
        public final int parseEnd;
        /** Decoded value for strings and quoted identifiers; the text for the others. */
        public final String value;

        public Tok(Kind kind, int start, int end, int quoteStart, int parseEnd, String value) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.quoteStart = quoteStart;
            this.parseEnd = parseEnd;
            this.value = value;
        }

        public boolean significant() {
            return kind != Kind.COMMENT && kind != Kind.EXEC_MARKER;
        }

        /** A keyword or unquoted name, whatever its case; a quoted identifier is never a keyword. */
        public boolean isWord(String word) {
            return kind == Kind.WORD && value.equalsIgnoreCase(word);
        }

        public boolean isOp(String op) {
            return kind == Kind.OPERATOR && value.equals(op);
        }

        public boolean opaque() {
            return kind == Kind.STRING || kind == Kind.QUOTED_IDENT;
        }

        @Override
        public String toString() {
            return kind + "[" + start + "," + end + ")" + value;
        }
    }

    /** One statement of the input: its tokens (comments included) and its extent without the terminating semicolon. */
    public record Segment(int start, int end, List<Tok> tokens) {
        public boolean isEmpty() {
            for (Tok t : tokens) if (t.significant()) return false;
            return true;
        }

        /** The tokens without comments and executable-comment markers. */
        public List<Tok> significant() {
            List<Tok> out = new ArrayList<>();
            for (Tok t : tokens) if (t.significant()) out.add(t);
            return out;
        }

        public boolean hasWord(String word) {
            for (Tok t : tokens) if (t.isWord(word)) return true;
            return false;
        }
    }

    /**
     * The lexer's result. {@code error} is non-null when the text is not lexically valid for the dialect.
     * {@code placeholders}: offsets of parameters written in the parse text as {@link #PARAMETER_PLACEHOLDER}.
     */
    public record Lexed(String text, String parseText, List<Tok> tokens, List<Segment> segments, String error,
                 java.util.Set<Integer> placeholders) { }

    /**
     * JSqlParser reads {@code ?|} and {@code ?&} as PostgreSQL JSON operators, so {@code '%'||?||'%'} does not parse.
     * Such a parameter is written in the parse text as this letter, an identifier the resolver knows is a parameter.
     */
    public static final char PARAMETER_PLACEHOLDER = '\u0294';

    private final String s;
    private final LexicalRules rules;
    private final int maxDepth;
    /** The parse text being written; null when only the tokens are wanted ({@link #tokens}). */
    private final StringBuilder parse;
    private final List<Tok> tokens;
    private int pos;
    private int execCommentDepth;
    private String error;

    private SqlLexer(String s, LexicalRules rules, int maxDepth, boolean parseText) {
        this.s = s;
        this.rules = rules;
        this.maxDepth = maxDepth;
        this.parse = parseText ? new StringBuilder(s) : null;
        // about one token per five characters of SQL: the list rarely grows
        this.tokens = new ArrayList<>(Math.max(10, s.length() / 5));
    }

    public static Lexed lex(String sql, Dialect dialect, int maxNestingDepth) {
        SqlLexer l = new SqlLexer(sql, dialect.rules(), maxNestingDepth, true);
        l.run();
        java.util.Set<Integer> placeholders = null;
        for (Tok t : l.tokens) {
            if (t.kind == Kind.PARAM && t.end - t.start == 1 && (l.at(t.end) == '|' || l.at(t.end) == '&')) {
                l.parse.setCharAt(t.start, PARAMETER_PLACEHOLDER);
                if (placeholders == null) placeholders = new java.util.HashSet<>();
                placeholders.add(t.start);
            }
        }
        return new Lexed(sql, l.parse.toString(), List.copyOf(l.tokens), l.split(), l.error,
                placeholders == null ? java.util.Set.of() : java.util.Set.copyOf(placeholders));
    }

    /**
     * The tokens of {@code sql} exactly as {@link #lex} (without a nesting limit) finds them, or null when it is not
     * lexically valid: for callers that compare token streams and need neither the parse text nor the statements.
     */
    public static List<Tok> tokens(String sql, Dialect dialect) {
        return tokensFrom(sql, dialect, 0);
    }

    /**
     * The tokens of {@code sql} from offset {@code from} on, as a lexer starting there at the top level finds them
     * (no executable comment open; the characters before {@code from} are still seen where a rule looks back), or
     * null when that part is not lexically valid. They are the tokens {@link #tokens} finds from there when the text
     * before {@code from} is one whose lexing ends at the top level, between tokens, and peeks at nothing after it
     * (a caller knows so from a lexed text with the same prefix: see {@code StatementShape}).
     */
    public static List<Tok> tokensFrom(String sql, Dialect dialect, int from) {
        SqlLexer l = new SqlLexer(sql, dialect.rules(), Integer.MAX_VALUE, false);
        l.pos = from;
        l.run();
        return l.error != null ? null : java.util.Collections.unmodifiableList(l.tokens);
    }

    /** The text the database executes: executable-comment markers blanked, everything else as written. */
    public static String executedText(SqlLexer.Lexed lexed) {
        StringBuilder b = null;
        for (SqlLexer.Tok t : lexed.tokens()) {
            if (t.kind != SqlLexer.Kind.EXEC_MARKER) continue;
            if (b == null) b = new StringBuilder(lexed.text());
            for (int i = t.start; i < t.end; i++) b.setCharAt(i, ' ');
        }
        return b == null ? lexed.text() : b.toString();
    }

    private void run() {
        int depth = 0;
        int n = s.length();
        boolean lineCommentOpen = false;
        while (pos < n && error == null) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c)) {
                // JSqlParser ends a statement at blank lines (and at a lone "/" or "GO" line); for the database a
                // line break between tokens is a space. The one ending a line comment stays.
                if (c == '\n' || c == '\r') {
                    if (lineCommentOpen) {
                        if (c == '\n' || at(pos + 1) != '\n') lineCommentOpen = false;
                    } else if (parse != null) {
                        parse.setCharAt(pos, ' ');
                    }
                }
                pos++;
                continue;
            }
            Tok t = next(c);
            if (t == null) break;
            lineCommentOpen = t.kind == Kind.COMMENT && !s.startsWith("/*", t.start);
            tokens.add(t);
            if (t.kind == Kind.OPERATOR) {
                if (t.value.equals("(") || t.value.equals("[")) {
                    if (++depth > maxDepth) fail("nesting deeper than " + maxDepth + " levels");
                } else if (t.value.equals(")") || t.value.equals("]")) {
                    depth--;
                }
            }
        }
        if (error == null && execCommentDepth > 0) fail("unterminated executable comment");
    }

    private void fail(String message) {
        if (error == null) error = message;
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private Tok simple(Kind kind, int start, int end) {
        pos = end;
        return new Tok(kind, start, end, start, end, s.substring(start, end));
    }

    private Tok next(char c) {
        int start = pos;
        char d = at(pos + 1);
        // comments
        if (c == '-' && d == '-') {
            if (!rules.dashCommentNeedsSpace() || isDashCommentStart(pos + 2)) return lineComment(start);
        }
        if (c == '#' && rules.hashComments()) return lineComment(start);
        if (c == '/' && d == '/' && rules.doubleSlashComments()) return lineComment(start);
        if (c == '/' && d == '*') {
            if (rules.executableComments()) {
                Tok marker = executableCommentStart(start);
                if (marker != null) return marker;
            }
            return blockComment(start);
        }
        if (c == '*' && d == '/' && execCommentDepth > 0) {
            execCommentDepth--;
            blank(start, start + 2);
            return simple(Kind.EXEC_MARKER, start, start + 2);
        }
        // prefixed strings and identifiers
        if ((c == 'U' || c == 'u') && d == '&' && rules.unicodeEscapes()) {
            char q = at(pos + 2);
            if (q == '\'') return unicodeQuoted(start, '\'');
            if (q == '"') return unicodeQuoted(start, '"');
        }
        if ((c == 'E' || c == 'e') && d == '\'' && rules.escapeStrings() && !wordCharBefore(start)) {
            return escapeString(start);
        }
        if ((c == 'N' || c == 'n' || c == 'X' || c == 'x' || c == 'B' || c == 'b') && d == '\'' &&
!wordCharBefore(start)) {
            return quoted(start, start + 1, '\'', Kind.STRING);
        }
        if (c == '\'') return quoted(start, start, '\'', Kind.STRING);
        if (c == '"') return quoted(start, start, '"', rules.doubleQuotedStrings() ? Kind.STRING : Kind.QUOTED_IDENT);
        if (c == '`' && rules.backtickIdentifiers()) return quoted(start, start, '`', Kind.QUOTED_IDENT);
        if (c == '$') {
            Tok dollar = dollar(start);
            if (dollar != null) return dollar;
        }
        if (c == '@' && rules.variables()) return variable(start);
        if (c == '?') {
            // pgjdbc sends ?? as the ? operator; every other ? is a parameter, whatever follows it
            if (rules.doubleQuestionMarkOperator() && d == '?') return simple(Kind.OPERATOR, start, start + 2);
            int e = pos + 1;
            if (rules.numberedParameters()) while (digit(at(e))) e++;
            return simple(Kind.PARAM, start, e);
        }
        if (digit(c) || (c == '.' && digit(d))) return number(start);
        if (isWordStart(c)) return word(start);
        if (c == ';') return simple(Kind.SEMICOLON, start, start + 1);
        if (c == ':' && d == ':') return simple(Kind.OPERATOR, start, start + 2);
        if ("(),.[]{}:".indexOf(c) >= 0) return simple(Kind.OPERATOR, start, start + 1);
        if (isOperatorChar(c)) return operator(start);
        if (Character.isISOControl(c)) {
            fail("unexpected control character at offset " + start);
            return null;
        }
        return simple(Kind.OPERATOR, start, start + 1);
    }

    private boolean wordCharBefore(int i) {
        return i > 0 && isWordPart(s.charAt(i - 1));
    }

    /** MariaDB: {@code --} starts a comment only when followed by whitespace, a control character or the end. */
    private boolean isDashCommentStart(int i) {
        if (i >= s.length()) return true;
        char c = s.charAt(i);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || Character.isISOControl(c);
    }

    private Tok lineComment(int start) {
        int e = start;
        while (e < s.length() && s.charAt(e) != '\n' && s.charAt(e) != '\r') e++;
        return simple(Kind.COMMENT, start, e);
    }

    /** PostgreSQL and H2 nest block comments; MariaDB does not. */
    private Tok blockComment(int start) {
        boolean nests = rules.nestedBlockComments();
        int level = 1;
        int i = start + 2;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '*' && at(i + 1) == '/') {
                i += 2;
                if (--level == 0) return simple(Kind.COMMENT, start, i);
                continue;
            }
            if (nests && c == '/' && at(i + 1) == '*') {
                level++;
                i += 2;
                continue;
            }
            i++;
        }
        fail("unterminated comment at offset " + start);
        return null;
    }

    /** {@code /*!}, {@code /*!NNNNN}, {@code /*M!}, {@code /*M!NNNNNN}: the content is executed, so it is lexed as
code. */
    private Tok executableCommentStart(int start) {
        int i = start + 2;
        if (at(i) == 'M' && at(i + 1) == '!') i += 2;
        else if (at(i) == '!') i += 1;
        else return null;
        while (digit(at(i))) i++;
        if (execCommentDepth > 0) {
            fail("nested executable comment at offset " + start);
            return null;
        }
        execCommentDepth++;
        blank(start, i);
        return simple(Kind.EXEC_MARKER, start, i);
    }

    private void blank(int from, int to) {
        if (parse == null) return;
        for (int i = from; i < to; i++) parse.setCharAt(i, ' ');
    }

    /**
     * A quoted token whose quote starts at {@code q}. Doubled quotes stand for one; MariaDB strings also take
     * backslash escapes.
     */
    private Tok quoted(int start, int q, char quote, Kind kind) {
        boolean backslash = rules.backslashEscapes() && quote != '`';
        // the value is the text between the quotes unless an escape or a doubled quote is met: only then is it built
        StringBuilder v = null;
        int copied = q + 1;
        int i = q + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslash && c == '\\' && i + 1 < s.length()) {
                v = (v == null ? new StringBuilder() : v).append(s, copied, i).append(unescapeMariaDb(s.charAt(i + 1)));
                i += 2;
                copied = i;
                continue;
            }
            if (c == quote) {
                if (at(i + 1) == quote) {
                    v = (v == null ? new StringBuilder() : v).append(s, copied, i).append(quote);
                    i += 2;
                    copied = i;
                    continue;
                }
                pos = i + 1;
                String value = v == null ? s.substring(copied, i) : v.append(s, copied, i).toString();
                return new Tok(kind, start, pos, q, pos, value);
            }
            i++;
        }
        fail("unterminated " + (kind == Kind.STRING ? "string" : "quoted identifier") + " at offset " + start);
        return null;
    }

    private static char unescapeMariaDb(char c) {
        return switch (c) {
            case '0' -> '\0';
            case 'b' -> '\b';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'Z' -> (char) 26;
            default -> c; // \% and \_ keep the backslash in LIKE patterns; the value matters only for names here
        };
    }

    /** PostgreSQL {@code E'…'}: backslash escapes. JSqlParser gets the decoded value as a standard string. */
    private Tok escapeString(int start) {
        StringBuilder v = new StringBuilder();
        int i = start + 2;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'b' -> v.append('\b');
                    case 'f' -> v.append('\f');
                    case 'n' -> v.append('\n');
                    case 'r' -> v.append('\r');
                    case 't' -> v.append('\t');
                    case 'x' -> {
                        int k = 0;
                        int val = 0;
                        while (k < 2 && hex(at(i)) >= 0) {
                            val = val * 16 + hex(at(i));
                            i++;
                            k++;
                        }
                        v.append((char) val);
                    }
                    case 'u', 'U' -> {
                        int len = e == 'u' ? 4 : 8;
                        int val = 0;
                        for (int k = 0; k < len; k++) {
                            int dgt = hex(at(i));
                            if (dgt < 0) {
                                fail("invalid Unicode escape at offset " + i);
                                return null;
                            }
                            val = val * 16 + dgt;
                            i++;
                        }
                        if (!Character.isValidCodePoint(val)) {
                            fail("invalid Unicode escape at offset " + i);
                            return null;
                        }
                        v.appendCodePoint(val);
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int val = e - '0';
                            int k = 1;
                            while (k < 3 && at(i) >= '0' && at(i) <= '7') {
                                val = val * 8 + (at(i) - '0');
                                i++;
                                k++;
                            }
                            v.append((char) val);
                        } else {
                            v.append(e);
                        }
                    }
                }
                continue;
            }
            if (c == '\'') {
                if (at(i + 1) == '\'') {
                    v.append('\'');
                    i += 2;
                    continue;
                }
                return replaced(Kind.STRING, start, i + 1, v.toString(), '\'');
            }
            v.append(c);
            i++;
        }
        fail("unterminated string at offset " + start);
        return null;
    }

    /** {@code U&'…'} and {@code U&"…"} with an optional {@code UESCAPE 'c'}. */
    private Tok unicodeQuoted(int start, char quote) {
        int i = start + 3;
        StringBuilder raw = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                fail("unterminated Unicode-escaped " + (quote == '"' ? "identifier" : "string") + " at offset "
                        + start);
                return null;
            }
            char c = s.charAt(i);
            if (c == quote) {
                if (at(i + 1) == quote) {
                    raw.append(quote);
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            raw.append(c);
            i++;
        }
        char escape = '\\';
        int end = i;
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
        if (s.regionMatches(true, j, "UESCAPE", 0, 7) && !isWordPart(at(j + 7))) {
            int k = j + 7;
            while (k < s.length() && Character.isWhitespace(s.charAt(k))) k++;
            if (at(k) != '\'' || at(k + 2) != '\'' || at(k + 1) == '\'' ) {
                fail("invalid UESCAPE at offset " + j);
                return null;
            }
            escape = at(k + 1);
            end = k + 3;
        }
        StringBuilder v = new StringBuilder();
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c != escape) {
                v.append(c);
                continue;
            }
            if (k + 1 < raw.length() && raw.charAt(k + 1) == escape) {
                v.append(escape);
                k++;
                continue;
            }
            int len = k + 1 < raw.length() && raw.charAt(k + 1) == '+' ? 6 : 4;
            int from = len == 6 ? k + 2 : k + 1;
            if (from + len > raw.length()) {
                fail("invalid Unicode escape at offset " + start);
                return null;
            }
            int val;
            try {
                val = Integer.parseInt(raw.substring(from, from + len), 16);
            } catch (NumberFormatException e) {
                fail("invalid Unicode escape at offset " + start);
                return null;
            }
            if (!Character.isValidCodePoint(val)) {
                fail("invalid Unicode escape at offset " + start);
                return null;
            }
            v.appendCodePoint(val);
            k = from + len - 1;
        }
        return replaced(quote == '"' ? Kind.QUOTED_IDENT : Kind.STRING, start, end, v.toString(), quote);
    }

    /** Writes the plain quoted form of {@code value} into the parse text over [start, end), padded with spaces. */
    private Tok replaced(Kind kind, int start, int end, String value, char quote) {
        String plain = quote + value.replace(String.valueOf(quote), "" + quote + quote) + quote;
        if (plain.length() > end - start) {
            fail("cannot represent the literal at offset " + start);
            return null;
        }
        for (int i = start; parse != null && i < end; i++) {
            int k = i - start;
            parse.setCharAt(i, k < plain.length() ? plain.charAt(k) : ' ');
        }
        pos = end;
        return new Tok(kind, start, end, start, start + plain.length(), value);
    }

    /** PostgreSQL {@code $tag$…$tag$}, H2 {@code $$…$$}; PostgreSQL {@code $1} parameters. */
    private Tok dollar(int start) {
        if (!rules.dollarQuotedStrings()) return null;
        int i = start + 1;
        if (rules.dollarTagsAndParameters() && digit(at(i))) {
            while (digit(at(i))) i++;
            return simple(Kind.PARAM, start, i);
        }
        if (rules.dollarTagsAndParameters()) {
            if (isWordStart(at(i))) {
                while (isWordPart(at(i)) && at(i) != '$') i++;
            }
        }
        if (at(i) != '$') return null;
        String tag = s.substring(start, i + 1);
        int close = s.indexOf(tag, i + 1);
        if (close < 0) {
            fail("unterminated dollar-quoted string at offset " + start);
            return null;
        }
        pos = close + tag.length();
        return new Tok(Kind.STRING, start, pos, start, pos, s.substring(i + 1, close));
    }

    /** MariaDB and H2 {@code @name}, {@code @'name'}, {@code @@name}, {@code @@session.name}. */
    private Tok variable(int start) {
        int i = start + 1;
        if (at(i) == '@') i++;
        char c = at(i);
        if (c == '\'' || c == '"' || c == '`') {
            Tok q = quoted(i, i, c, Kind.QUOTED_IDENT);
            if (q == null) return null;
            pos = q.end;
            return new Tok(Kind.VARIABLE, start, q.end, start, q.end, s.substring(start, i) + q.value);
        }
        while (isWordPart(at(i)) || at(i) == '.' || at(i) == '$') i++;
        return simple(Kind.VARIABLE, start, i);
    }

    private Tok number(int start) {
        int i = start;
        if (rules.hexAndBitNumbers() && at(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'b')) {
            boolean hexadecimal = at(i + 1) == 'x';
            int j = i + 2;
            while (hexadecimal ? hex(at(j)) >= 0 : at(j) == '0' || at(j) == '1') j++;
            // 0x, 0xg, 0x1g, 0b2 are names to MariaDB (identifiers may begin with digits), read below
            if (j > i + 2 && !isWordPart(at(j))) return simple(Kind.NUMBER, start, j);
        }
        while (digit(at(i))) i++;
        if (at(i) == '.' && !(at(i + 1) == '.')) {
            i++;
            while (digit(at(i))) i++;
        }
        if ((at(i) == 'e' || at(i) == 'E')
                && (digit(at(i + 1)) || ((at(i + 1) == '+' || at(i + 1) == '-') && digit(at(i
                        + 2))))) {
            i += 2;
            while (digit(at(i))) i++;
        }
        if (rules.digitLeadingNames() && isWordStart(at(i))) {
            // MariaDB identifiers may begin with digits: 1abc is a name
            while (isWordPart(at(i))) i++;
            return simple(Kind.WORD, start, i);
        }
        return simple(Kind.NUMBER, start, i);
    }

    /**
     * An ASCII digit: the databases read only these in numbers, parameters, versions and escapes; other Unicode digits
     * ({@code \u0661}, full-width {@code \uff11}) are characters of names to them.
     */
    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of an ASCII hexadecimal digit; -1 for any other character. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private Tok word(int start) {
        int i = start;
        while (i < s.length() && isWordPart(s.charAt(i))) i++;
        return simple(Kind.WORD, start, i);
    }

    private Tok operator(int start) {
        int i = start;
        while (i < s.length() && isOperatorChar(s.charAt(i))) {
            if (i > start && ((s.charAt(i) == '-' && at(i + 1) == '-') || (s.charAt(i) == '/' && at(i
                    + 1) == '*'))) break;
            if (i > start && rules.hashComments() && s.charAt(i) == '#') break;
            if (i > start && execCommentDepth > 0 && s.charAt(i) == '*' && at(i + 1) == '/') break;
            i++;
        }
        return simple(Kind.OPERATOR, start, i);
    }

    /** Characters that continue an operator; never {@code ?}, which the drivers replace by a parameter first. */
    private boolean isOperatorChar(char c) {
        return "+-*/<>=~!@#%^&|`".indexOf(c) >= 0 && !(c == '`' && rules.backtickIdentifiers());
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || (c >= 0x80 && !Character.isWhitespace(c)
                && !Character.isISOControl(c));
    }

    private boolean isWordPart(char c) {
        return isWordStart(c) || digit(c) || (c == '$' && rules.dollarInWords());
    }

    private List<Segment> split() {
        List<Segment> out = new ArrayList<>();
        if (error != null) return out;
        int segStart = 0;
        List<Tok> current = new ArrayList<>();
        for (Tok t : tokens) {
            if (t.kind == Kind.SEMICOLON) {
                out.add(new Segment(segStart, t.start, List.copyOf(current)));
                current.clear();
                segStart = t.end;
            } else {
                current.add(t);
            }
        }
        out.add(new Segment(segStart, s.length(), List.copyOf(current)));
        out.removeIf(Segment::isEmpty);
        return out;
    }
}
