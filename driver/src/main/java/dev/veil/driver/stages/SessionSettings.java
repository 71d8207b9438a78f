package dev.veil.driver.stages;

import dev.veil.driver.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which session settings a client may change through Veil. Veil reads SQL as the server's defaults do, installs its
 * hash secrets in session state and resolves names with the session's search path; a setting that changes how text
 * is read (quoting, escapes, character sets, compatibility modes), who runs statements (roles) or that clears
 * session state could make Veil misread or misresolve a later statement. So SET, RESET and SHOW are checked against a
 * list of settings known to be harmless, and anything else is refused.
 */
final class SessionSettings {

    private static final Set<String> SCOPE_WORDS = Set.of("session", "local", "global", "persist");

    private SessionSettings() {
    }

    /**
     * The first setting a SET/RESET/SHOW statement names that a client may not touch, from the statement's
     * normalized text (tokens separated by single spaces, literals as {@code ?}); empty when every one is allowed.
     */
    static Optional<String> forbidden(Engine engine, String type, String normalized) {
        List<String> tokens = List.of(normalized.split(" "));
        if (tokens.isEmpty()) {
            // a blank text splits into nothing; the analyzer does not promise it never gives one, so refuse it
            return Optional.of(type.toLowerCase(Locale.ROOT));
        }

        if (type.equals("SHOW")) {
            String shown = String.join(" ", tokens.subList(1, tokens.size()));
            return showAllowed(engine, shown) ? Optional.empty() : Optional.of(shown);
        }
        List<String> names = switch (type) {
            case "SET" -> engine.settings().setAssignsSeveral() ? assignedNames(tokens)
                    : List.of(joinName(namePart(tokens.subList(1, tokens.size()))));
            case "RESET" -> List.of(joinName(tokens.subList(1, tokens.size())));
            // not reached from DecideStage, which passes only SET and RESET here: kept so that another type is
            // still checked (as a setting of its own name) instead of passing unchecked
            default -> List.of(type.toLowerCase(Locale.ROOT));
        };
        for (String name : names) {
            if (!allowed(engine, name)) {
                return Optional.of(name.isEmpty() ? type.toLowerCase(Locale.ROOT) : name);
            }
        }
        return Optional.empty();
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

    /** A quoted or escaped name could spell any setting ({@code SHOW "all"}, {@code U&"\0061ll"}). */
    private static boolean quoted(String name) {
        return name.contains("\"") || name.contains("`") || name.contains("u&");
    }

    private static boolean allowed(Engine engine, String name) {
        if (quoted(name) || name.startsWith("@") || name.contains("veil")) {
            return false; // user variables carry values between statements; veil* is Veil's
        }
        return engine.settings().settable(name);
    }

    private static boolean showAllowed(Engine engine, String shown) {
        if (quoted(shown) || shown.contains("veil")) {
            return false;
        }
        return engine.settings().showable(shown);
    }
}
