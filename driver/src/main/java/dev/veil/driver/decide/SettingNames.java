package dev.veil.driver.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settings a SET, RESET or SHOW statement names, read from its normalized text (tokens separated by single spaces,
 * literals as {@code ?}), in lower case: {@code SET SESSION time zone ?} names {@code time zone},
 * {@code SET @@session.sql_mode = ?} names {@code sql_mode}.
 */
final class SettingNames {

    /**
     * One setting a statement names.
     *
     * @param action SET, RESET or SHOW
     * @param name   the setting, or for SHOW everything shown; empty when the statement names none
     * @param quoted whether it is spelled quoted or escaped, which could spell any setting ({@code SHOW "all"},
     *               {@code U&"\0061ll"})
     */
    record Access(String action, String name, boolean quoted) {
    }

    private static final Set<String> SCOPE_WORDS = Set.of("session", "local", "global", "persist");

    private SettingNames() {
    }

    /**
     * @param type              SET, RESET or SHOW
     * @param setAssignsSeveral whether one SET assigns a comma-separated list of settings (MariaDB)
     */
    static List<Access> of(String type, String normalized, boolean setAssignsSeveral) {
        List<String> tokens = List.of(normalized.split(" "));
        if (tokens.isEmpty()) {
            // a blank text splits into nothing; the analyzer does not promise it never gives one, so refuse it
            return List.of(new Access(type, type.toLowerCase(Locale.ROOT), true));
        }
        if (type.equals("SHOW")) {
            return List.of(access(type, String.join(" ", tokens.subList(1, tokens.size()))));
        }
        List<String> names = type.equals("SET") && setAssignsSeveral ? assignedNames(tokens)
                : type.equals("SET") ? List.of(joinName(namePart(tokens.subList(1, tokens.size()))))
                : List.of(joinName(tokens.subList(1, tokens.size())));
        return names.stream().map(name -> access(type, name)).toList();
    }

    private static Access access(String type, String name) {
        return new Access(type, name, name.contains("\"") || name.contains("`") || name.contains("u&"));
    }

    /** Names assigned by {@code SET a = ?, b = ?} (MariaDB) or {@code SET [SESSION|LOCAL] name TO|= …}. */
    private static List<String> assignedNames(List<String> tokens) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        List<String> current = new ArrayList<>();
        boolean inValue = false;
        for (String token : tokens.subList(1, tokens.size())) {
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth--;
            }
            if (depth > 0) {
                continue;
            }
            if (token.equals(",")) {
                names.add(joinName(current));
                current.clear();
                inValue = false;
            } else if (token.equals("=") || token.equals(":=") || token.equals("to")) {
                inValue = true;
            } else if (!inValue) {
                current.add(token);
            }
        }
        names.add(joinName(current));
        return names;
    }

    /** The words before {@code =} or {@code TO}: a PostgreSQL or H2 SET assigns one setting, whatever its value. */
    private static List<String> namePart(List<String> words) {
        List<String> name = new ArrayList<>();
        for (String word : words) {
            if (word.equals("=") || word.equals("to")) {
                break;
            }
            name.add(word);
        }
        return name;
    }

    /** {@code session time zone} → {@code time zone}; {@code @@session.sql_mode} → {@code sql_mode}. */
    private static String joinName(List<String> words) {
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            if (kept.isEmpty() && SCOPE_WORDS.contains(w)) {
                continue;
            }
            if (w.startsWith("@@")) {
                w = w.substring(2);
                for (String scope : SCOPE_WORDS) {
                    if (w.startsWith(scope + ".")) {
                        w = w.substring(scope.length() + 1);
                    }
                }
            }
            kept.add(w);
        }
        // SET TRANSACTION ISOLATION LEVEL …, SET SESSION CHARACTERISTICS AS …, SET CONSTRAINTS ALL …
        if (!kept.isEmpty() && Set.of("transaction", "constraints").contains(kept.get(0))) {
            return kept.get(0);
        }
        if (kept.size() >= 2 && kept.get(0).equals("characteristics")) {
            return "session characteristics";
        }
        if (kept.size() >= 2 && kept.get(0).equals("time") && kept.get(1).equals("zone")) {
            return "time zone";
        }
        return String.join(" ", kept);
    }
}
