package dev.veil.driver.decide;

import java.util.List;
import java.util.Locale;

/** What the rules read from a statement's type and normalized text. */
final class StatementTypes {

    private StatementTypes() {
    }

    /** The DDL switch a statement type falls under, e.g. CREATE_TABLE_AS → create; null when none. */
    static String ddlKind(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        for (String kind : List.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT", "GRANT", "REVOKE")) {
            if (t.equals(kind) || t.startsWith(kind + "_")) {
                return kind.toLowerCase(Locale.ROOT);
            }
        }
        return t.equals("SELECT_INTO") ? "create" : null;
    }

    /** Whether the statement's own WHERE (not one inside a subquery) is present, from its normalized tokens. */
    static boolean hasTopLevelWhere(String normalized) {
        int depth = 0;
        for (String token : normalized.split(" ")) {
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth--;
            } else if (depth == 0 && token.equals("where")) {
                return true;
            }
        }
        return false;
    }
}
