package dev.veil.analyzer.internal.facts;

import java.util.Locale;
import java.util.Set;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.lexing.SqlLexer;

/** Hazards read from a statement's tokens, whatever the parser makes of it. */
public final class KeywordHazards {

    private KeywordHazards() { }

    /** Hazards known from the leading keyword alone: exports, code blocks, cursors, dynamic SQL. */
    public static void of(SqlLexer.Segment seg, StatementDraft d) {
        String kw = KeywordStatements.leadingKeyword(seg);
        if (kw == null) return;
        switch (kw) {
            case "COPY" -> d.hazard(seg.hasWord("TO") ? Hazard.Kind.EXPORT : Hazard.Kind.FILE_ACCESS, "COPY");
            case "DO" -> d.hazard(Hazard.Kind.CODE_BLOCK, "DO");
            case "CALL" -> d.hazard(Hazard.Kind.CALL, "CALL");
            case "PREPARE", "EXECUTE", "DEALLOCATE", "EXEC" -> d.hazard(Hazard.Kind.DYNAMIC_SQL, kw);
            case "DECLARE", "FETCH", "MOVE", "CLOSE", "HANDLER", "OPEN" -> d.hazard(Hazard.Kind.CURSOR, kw);
            case "SCRIPT", "BACKUP" -> d.hazard(Hazard.Kind.EXPORT, kw);
            case "RUNSCRIPT", "LOAD" -> d.hazard(Hazard.Kind.FILE_ACCESS, kw);
            case "BEGIN" -> d.hazard(Hazard.Kind.CODE_BLOCK, "BEGIN … END");
            case "CREATE", "ALTER" -> {
                if (seg.hasWord("FUNCTION") || seg.hasWord("PROCEDURE") || seg.hasWord("TRIGGER")
                        || seg.hasWord("EVENT")
                        || seg.hasWord("RULE") || seg.hasWord("ALIAS")) {
                    d.hazard(Hazard.Kind.CODE_BLOCK, kw);
                }
            }
            case "SHOW" -> {
                if (seg.hasWord("PROCESSLIST") || seg.hasWord("VARIABLES") || seg.hasWord("STATUS")) {
                    d.hazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT, "SHOW");
                }
            }
            default -> { }
        }
    }

    /** A string that names a Veil setting: a hazard wherever it stands, so its value always matters. */
    public static boolean reservedString(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("veil.");
    }

    /** Variables and names reserved by Veil, found in the tokens whatever the parser makes of them. */
    public static void lexical(SqlLexer.Segment seg, StatementDraft d) {
        SqlLexer.Tok prev = null;
        for (SqlLexer.Tok t : seg.tokens()) {
            if (!t.significant()) continue;
            if (t.kind == SqlLexer.Kind.VARIABLE) {
                d.hazard(Hazard.Kind.SESSION_VARIABLE, t.value);
                if (SettingNames.stripVariable(t.value).startsWith("veil")) d.hazard(Hazard.Kind.RESERVED_NAME,
                        t.value);
            } else if (t.kind == SqlLexer.Kind.STRING && reservedString(t.value)) {
                d.hazard(Hazard.Kind.RESERVED_NAME, "setting name in a string");
            } else if ((t.kind == SqlLexer.Kind.WORD || t.kind == SqlLexer.Kind.QUOTED_IDENT) && prev != null
                    && prev.kind == SqlLexer.Kind.WORD
                    && Set.of("set", "show", "reset").contains(prev.value.toLowerCase(Locale.ROOT))
                    && t.value.toLowerCase(Locale.ROOT).startsWith("veil")) {
                d.hazard(Hazard.Kind.RESERVED_NAME, prev.value.toUpperCase(Locale.ROOT));
            }
            prev = t;
        }
    }
}
