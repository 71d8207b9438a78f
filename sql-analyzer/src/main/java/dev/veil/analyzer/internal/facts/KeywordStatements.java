package dev.veil.analyzer.internal.facts;

import java.util.Locale;
import java.util.Set;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.lexing.SqlLexer;

/**
 * What a statement's leading keyword tells: its type until the analysis knows better, and for statements the parser
 * does not take, transaction control, privileges and plain SET/RESET classified by keyword (everything else UNKNOWN).
 */
public final class KeywordStatements {

    private KeywordStatements() { }

    /** The type the leading keyword names, until the analysis knows better. */
    public static void typeByKeyword(SqlLexer.Segment seg, StatementDraft d) {
        d.keyword = leadingKeyword(seg);
        d.type = StatementFacts.typeOfKeyword(d.keyword);
    }

    public static String leadingKeyword(SqlLexer.Segment seg) {
        for (SqlLexer.Tok t : seg.tokens()) {
            if (!t.significant()) continue;
            if (t.kind == SqlLexer.Kind.WORD) return t.value.toUpperCase(Locale.ROOT);
            // "(SELECT …", and JDBC call escapes "{call …}", "{? = call …}"
            if (t.isOp("(") || t.isOp("{") || t.isOp("=")) continue;
            if (t.kind == SqlLexer.Kind.PARAM) continue;
            return null;
        }
        return null;
    }

    private static final Set<String> TCL_WORDS = Set.of("BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
            "END", "ABORT");

    /** Statements JSqlParser cannot parse: transaction control and privileges by keyword, everything else UNKNOWN. */
    public static void fallback(SqlLexer.Segment seg, StatementDraft d, String parseError) {
        String kw = d.keyword;
        boolean plainWords = true;
        for (SqlLexer.Tok t : seg.tokens()) {
            if (!t.significant()) continue;
            boolean ok = t.kind == SqlLexer.Kind.WORD || t.kind == SqlLexer.Kind.QUOTED_IDENT
                    || t.isOp(",") || t.isOp(".");
            if (!ok) plainWords = false;
        }
        if (kw != null && plainWords && TCL_WORDS.contains(kw) && !isCompoundBlock(seg)) {
            d.kind = StatementKind.TCL;
            return;
        }
        if (kw != null && plainWords && (kw.equals("REVOKE") || kw.equals("GRANT"))) {
            d.kind = StatementKind.DCL;
            return;
        }
        if (kw != null && (kw.equals("SET") || kw.equals("RESET")) && onlyLiterals(seg)) {
            // a setting assigned words, strings and numbers reads no data
            d.kind = StatementKind.UTILITY;
            String name = secondWord(seg);
            if (name != null && Set.of("search_path", "schema", "role",
                    "session").contains(name.toLowerCase(Locale.ROOT))) {
                d.hazard(Hazard.Kind.SESSION_VARIABLE, name.toLowerCase(Locale.ROOT));
            }
            return;
        }
        KeywordHazards.of(seg, d);
        d.unknownReason = (kw == null ? "statement" : kw) + " not understood: " + parseError;
    }

    public static boolean plainWords(SqlLexer.Segment seg) {
        for (SqlLexer.Tok t : seg.tokens()) {
            if (t.significant() && t.kind != SqlLexer.Kind.WORD) return false;
        }
        return true;
    }

    private static boolean onlyLiterals(SqlLexer.Segment seg) {
        for (SqlLexer.Tok t : seg.tokens()) {
            if (!t.significant()) continue;
            boolean ok = switch (t.kind) {
                case WORD, QUOTED_IDENT, STRING, NUMBER -> true;
                case OPERATOR -> Set.of(",", ".", "=", "-").contains(t.value);
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    /** MariaDB {@code BEGIN NOT ATOMIC … END} is a code block, not a transaction start. */
    private static boolean isCompoundBlock(SqlLexer.Segment seg) {
        return "NOT".equalsIgnoreCase(secondWord(seg));
    }

    private static String secondWord(SqlLexer.Segment seg) {
        int n = 0;
        for (SqlLexer.Tok t : seg.tokens()) {
            if (t.significant() && ++n == 2) return t.value;
        }
        return null;
    }
}
