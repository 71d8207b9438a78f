package dev.veil.analyzer.internal.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.veil.analyzer.SettingAccess;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.internal.lexing.Fingerprints;
import dev.veil.analyzer.internal.lexing.SqlLexer;

/**
 * The session settings a SET, RESET or SHOW statement names, read from its tokens as the normalized text writes them
 * (words lower-cased, literals as {@code ?}, quoted identifiers as written). Whatever the parser makes of the
 * statement:
 * a setting the parser does not know is still named.
 */
public final class SettingNames {

    private static final Set<String> SCOPE_WORDS = Set.of("session", "local", "global", "persist");

    private SettingNames() { }

    /**
     * @param multiple whether SET may assign several settings ({@code SET a = 1, b = 2}, MariaDB); elsewhere SET
     *                 assigns one, whatever its value
     */
    public static List<SettingAccess> of(StatementType type, String text, List<SqlLexer.Tok> tokens, boolean multiple) {
        List<String> words = new ArrayList<>();
        for (SqlLexer.Tok t : tokens) {
            String w = Fingerprints.word(text, t);
            if (w != null) words.add(w);
        }
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        return switch (type) {
            case SHOW -> List.of(access(SettingAccess.Action.SHOW, String.join(" ", rest)));
            case RESET -> List.of(access(SettingAccess.Action.RESET, joinName(rest)));
            case SET -> {
                List<String> names = multiple ? assignedNames(rest) : List.of(joinName(namePart(rest)));
                List<SettingAccess> out = new ArrayList<>();
                for (String n : names) out.add(access(SettingAccess.Action.SET, n));
                yield List.copyOf(out);
            }
            default -> List.of();
        };
    }

    /** A variable or setting name without quotes, {@code @} marks and scope prefixes, lower-cased. */
    public static String stripVariable(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("`", "").replace("\"", "").replace("'", "").strip();
        while (n.startsWith("@")) n = n.substring(1);
        for (String p : List.of("session.", "global.", "local.")) if (n.startsWith(p)) n = n.substring(p.length());
        return n;
    }

    private static SettingAccess access(SettingAccess.Action action, String name) {
        return new SettingAccess(action, name, quoted(name));
    }

    /** Names assigned by {@code SET a = ?, b = ?} (MariaDB) or {@code SET [SESSION|LOCAL] name TO|= …}. */
    private static List<String> assignedNames(List<String> words) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        List<String> current = new ArrayList<>();
        boolean inValue = false;
        for (String word : words) {
            if (word.equals("(")) {
                depth++;
            } else if (word.equals(")")) {
                depth--;
            }
            if (depth > 0) continue;
            if (word.equals(",")) {
                names.add(joinName(current));
                current.clear();
                inValue = false;
            } else if (word.equals("=") || word.equals(":=") || word.equals("to")) {
                inValue = true;
            } else if (!inValue) {
                current.add(word);
            }
        }
        names.add(joinName(current));
        return names;
    }

    /** The words before {@code =} or {@code TO}: a PostgreSQL or H2 SET assigns one setting, whatever its value. */
    private static List<String> namePart(List<String> words) {
        List<String> name = new ArrayList<>();
        for (String word : words) {
            if (word.equals("=") || word.equals("to")) break;
            name.add(word);
        }
        return name;
    }

    /** {@code session time zone} → {@code time zone}; {@code @@session.sql_mode} → {@code sql_mode}. */
    private static String joinName(List<String> words) {
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            if (kept.isEmpty() && SCOPE_WORDS.contains(w)) continue;
            if (w.startsWith("@@")) {
                w = w.substring(2);
                for (String scope : SCOPE_WORDS) {
                    if (w.startsWith(scope + ".")) w = w.substring(scope.length() + 1);
                }
            }
            kept.add(w);
        }
        // SET TRANSACTION ISOLATION LEVEL …, SET SESSION CHARACTERISTICS AS …, SET CONSTRAINTS ALL …
        if (!kept.isEmpty() && Set.of("transaction", "constraints").contains(kept.get(0))) return kept.get(0);
        if (kept.size() >= 2 && kept.get(0).equals("characteristics")) return "session characteristics";
        if (kept.size() >= 2 && kept.get(0).equals("time") && kept.get(1).equals("zone")) return "time zone";
        return String.join(" ", kept);
    }

    /** A quoted or escaped name could spell any setting ({@code SHOW "all"}, {@code U&"\0061ll"}). */
    private static boolean quoted(String name) {
        return name.contains("\"") || name.contains("`") || name.contains("u&");
    }
}
