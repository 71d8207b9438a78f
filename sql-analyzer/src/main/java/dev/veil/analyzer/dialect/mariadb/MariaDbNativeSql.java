package dev.veil.analyzer.dialect.mariadb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.Frag;
import dev.veil.analyzer.internal.escapes.FragBuilder;

/** MariaDB Connector/J's {@code NativeSql.parse}. */
final class MariaDbNativeSql {

    private enum Lex { NORMAL, STRING, SLASH_STAR_COMMENT, ESCAPE, EOL_COMMENT, BACKTICK }

    private final Set<Integer> processed;

    MariaDbNativeSql(Set<Integer> processed) {
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
        String sql = src.text();
        if (!sql.contains("{")) return src;
        FragBuilder out = new FragBuilder();
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
        if (inEscape[0]) throw new EscapeRefused("escape sequence without its closing brace");
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
        if (open < 0 || close < 0) throw new EscapeRefused("escape brace without an exact position");
        processed.add(open);
        processed.add(close);
    }

    /** {@code NativeSql.resolveEscapes}. */
    private Frag resolve(Frag esc) {
        String s = esc.text();
        int end = s.length() - 1;
        FragBuilder b = new FragBuilder();
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
            throw new EscapeRefused("a JDBC call escape must be a whole statement");
        }
        if (s.startsWith("{ ") || s.startsWith("{\n") || s.startsWith("{\r\n")) {
            for (int i = s.startsWith("{\r\n") ? 3 : 2; i < s.length(); i++) {
                if (!Character.isWhitespace(s.charAt(i))) {
                    FragBuilder r = new FragBuilder();
                    r.add(esc, 0, 1);
                    r.synth("", esc.mapStart(1, false), esc.mapEnd(i, false));
                    r.add(esc, i, s.length());
                    return resolve(r.build());
                }
            }
        }
        throw new EscapeRefused("escape sequence the driver does not know");
    }

    /** {@code NativeSql.replaceFunctionParameter}. */
    private static Frag functionParameter(Frag f) {
        String s = f.text();
        int index = 0;
        while (index < s.length() && s.charAt(index) == ' ') index++;
        int nameStart = index;
        while (index < s.length() && (s.charAt(index) >= 'a' && s.charAt(index) <= 'z' || s.charAt(index) >= 'A'
                && s.charAt(index) <= 'Z')) {
            index++;
        }
        String func = s.substring(nameStart, index).toLowerCase(Locale.ROOT);
        switch (func) {
            case "convert" -> {
                int lastComma = s.lastIndexOf(',');
                int firstParen = s.indexOf('(');
                if (lastComma < 0 || firstParen < 0 || lastComma < firstParen
                        + 1) throw new EscapeRefused("convert escape");
                int i = lastComma + 1;
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
                int endParam = i + 1;
                while (endParam < s.length() && (Character.isLetter(s.charAt(endParam)) && s.charAt(endParam) < 128
                        || s.charAt(endParam) == '_')) {
                    endParam++;
                }
                if (i >= s.length()) throw new EscapeRefused("convert escape");
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
                    case "DOUBLE", "FLOAT"
                            -> throw new EscapeRefused("convert to DOUBLE depends on the server version");
                    case "REAL", "NUMERIC" -> "DECIMAL";
                    case "TIMESTAMP" -> "DATETIME";
                    default -> type;
                };
                FragBuilder b = new FragBuilder();
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
                while (index < s.length() && (Character.isWhitespace(s.charAt(index))
                        || s.charAt(index) == '(')) index++;
                if (index < s.length() - 8 && s.startsWith("SQL_TSI_", index)) {
                    FragBuilder b = new FragBuilder();
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
