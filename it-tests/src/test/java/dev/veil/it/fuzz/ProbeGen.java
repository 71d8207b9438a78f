package dev.veil.it.fuzz;

import dev.veil.it.fuzz.Canaries.Canary;
import dev.veil.it.support.TestDatabase.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Extraction probes: predicates over a part of a canary (one character by SUBSTR, LIKE, POSITION, ASCII or a regular
 * expression, or its length), placed in WHERE, ON, HAVING, ORDER BY, a window, LIMIT, a CASE in the select list, an
 * error-raising CAST, an EXISTS, or the WHERE of an UPDATE or DELETE. Each probe is a pair of statements that differ
 * only in the guess: right once, wrong once. If Veil lets the predicate see the raw value the two answer differently
 * — that is a reconstruction oracle, whatever the predicate mode of the class.
 */
final class ProbeGen {

    private ProbeGen() {
    }

    /** Columns whose mask hides the length too (partial masks keep it, so length probes tell nothing there). */
    private static final Set<String> LENGTH_HIDDEN = Set.of("full_name", "api_token", "loyalty_code", "profile",
            "ship_to", "note", "email");

    static final List<String> PLACES = List.of("where", "on", "having", "order", "window", "limit", "select-case",
            "error-cast", "exists", "update", "delete");
    static final List<String> PREDICATES = List.of("substr", "like", "position", "ascii", "regexp", "length");

    static Unit probe(GenContext c) {
        List<Canary> text = new ArrayList<>();
        for (Canary k : Canaries.get().all()) {
            if (k.kind() == Canaries.Kind.TEXT && !k.hidden().isEmpty()
                    && !(k.column().equals("api_token") && k.rowId() == 6) && !(k.column().equals("note")
                    && k.rowId() == 104)) {
                text.add(k);
            }
        }
        Canary k = c.pick(text);
        String place = c.pick(PLACES);
        if (place.equals("limit") && !c.dialect.limitExpressions()) {
            place = "where";
        }
        String predicate = c.pick(PREDICATES);
        if (predicate.equals("length") && !LENGTH_HIDDEN.contains(k.column())) {
            predicate = "substr";
        }
        // a hidden position, its character and a wrong guess, none of which the masked value itself would confirm
        List<Integer> hidden = new ArrayList<>();
        k.hidden().stream().filter(i -> Canaries.ALPHABET.indexOf(Character.toLowerCase(k.value().charAt(i))) >= 0)
                .forEach(hidden::add);
        String masked = Canaries.masked(k);
        int at = -1;
        char actual = 0;
        char wrong = 0;
        for (int attempt = 0; attempt < 50 && at < 0; attempt++) {
            int candidate = c.pick(hidden);
            char a = k.value().charAt(candidate);
            char w = wrongGuess(c, k.value(), a);
            if (maskedAnswersAlike(predicate, masked, candidate, a, w, k.value().length())) {
                at = candidate;
                actual = a;
                wrong = w;
            }
        }
        if (at < 0) {
            return null; // no probe of this kind on this canary tells anything
        }
        String column = "t." + k.column();
        String truthful = statement(c, k, place, condition(c, predicate, column, k.value(), at, actual, false));
        String guessWrong = statement(c, k, place, condition(c, predicate, column, k.value(), at, wrong, true));
        boolean write = place.equals("update") || place.equals("delete");
        Set<String> features = new TreeSet<>(List.of("probe", "sens@" + place, "column:" + k.table() + "."
                + k.column(), "predicates:" + FuzzSchema.predicateMode(k.table(), k.column())));
        return new Unit("probe." + place + "." + predicate, Unit.Kind.PROBE, Sql.of(truthful), List.of(), features,
                true, true, false, false,
                new Unit.Probe(k.label(), truthful, guessWrong, write));
    }

    /**
     * Whether the predicate gives the same answer for both guesses when it sees the masked value — otherwise a
     * difference would be legitimate (e.g. the e-mail mask shows the domain's letters, at other positions).
     * Case-insensitive, as MariaDB compares.
     */
    private static boolean maskedAnswersAlike(String predicate, String masked, int at, char actual, char wrong,
                                              int length) {
        if (masked == null) {
            return true;
        }
        String m = masked.toLowerCase(java.util.Locale.ROOT);
        char a = Character.toLowerCase(actual);
        char w = Character.toLowerCase(wrong);
        return switch (predicate) {
            case "position" -> m.indexOf(a) < 0 && m.indexOf(w) < 0;
            case "length" -> masked.length() != length && masked.length() != length + 1;
            default -> at >= m.length() || m.charAt(at) != a && m.charAt(at) != w;
        };
    }

    /** A letter of the alphabet that differs from {@code actual} (and occurs nowhere in the value). */
    private static char wrongGuess(GenContext c, String value, char actual) {
        for (int attempt = 0; attempt < 100; attempt++) {
            char g = Canaries.ALPHABET.charAt(c.random.nextInt(Canaries.ALPHABET.length()));
            if (Character.isUpperCase(actual)) {
                g = Character.toUpperCase(g);
            }
            if (g != actual && value.toLowerCase().indexOf(Character.toLowerCase(g)) < 0) {
                return g;
            }
        }
        return actual == 'q' ? 'z' : 'q';
    }

    /** The predicate over {@code column}: true for the character at 0-based {@code at} if {@code guess} is it. */
    private static String condition(GenContext c, String predicate, String column, String value, int at, char guess,
                                    boolean wrong) {
        FuzzDialect d = c.dialect;
        String lit = "'" + guess + "'";
        return switch (predicate) {
            case "substr" -> d.substr(column, String.valueOf(at + 1), "1") + " = " + lit;
            case "like" -> column + " LIKE '" + "_".repeat(at) + guess + "%'";
            case "position" -> d.position(lit, column) + " > 0";
            case "ascii" -> d.ascii(d.substr(column, String.valueOf(at + 1), "1")) + " = " + (int) guess;
            case "regexp" -> d.regexpLike(column, "'^.{" + at + "}" + guess + "'");
            case "length" -> d.charLength(column) + " = " + (value.codePointCount(0, value.length()) + (wrong ? 1 : 0));
            default -> throw new IllegalArgumentException(predicate);
        };
    }

    private static String statement(GenContext c, Canary k, String place, String p) {
        String table = k.table();
        int id = k.rowId();
        int other = k.table().equals("fz_customers") ? (id == 1 ? 2 : 1) : (id == 101 ? 102 : 101);
        return switch (place) {
            case "where" -> "SELECT COUNT(*) FROM " + table + " t WHERE t.id = " + id + " AND " + p;
            case "on" -> "SELECT COUNT(*) FROM fz_products p JOIN " + table + " t ON t.id = " + id + " AND " + p;
            case "having" -> "SELECT t.id FROM " + table + " t WHERE t.id = " + id + " GROUP BY t.id, t."
                    + k.column() + " HAVING " + p;
            case "order" -> "SELECT t.id FROM " + table + " t WHERE t.id IN (" + id + ", " + other + ")"
                    + " ORDER BY CASE WHEN " + p + " THEN 0 ELSE 1 END, t.id";
            case "window" -> "SELECT t.id, ROW_NUMBER() OVER (ORDER BY CASE WHEN " + p + " THEN 0 ELSE 1 END, t.id)"
                    + " AS rn FROM " + table + " t WHERE t.id IN (" + id + ", " + other + ")";
            case "limit" -> "SELECT p.id FROM fz_products p ORDER BY p.id LIMIT (SELECT COUNT(*) FROM " + table
                    + " t WHERE t.id = " + id + " AND " + p + ")";
            case "select-case" -> "SELECT CASE WHEN " + p + " THEN 1 ELSE 0 END AS v FROM " + table + " t WHERE t.id = "
                    + id;
            case "error-cast" -> "SELECT " + c.dialect.castInt("CASE WHEN " + p + " THEN 'x' ELSE '1' END")
                    + " AS v FROM " + table + " t WHERE t.id = " + id;
            case "exists" -> "SELECT p.id FROM fz_products p WHERE p.id = 1 AND EXISTS (SELECT 1 FROM " + table
                    + " t WHERE t.id = " + id + " AND " + p + ")";
            case "update" -> "UPDATE " + table + " t SET " + (table.equals("fz_customers") ? "score = t.score"
                    : "qty = t.qty") + " WHERE t.id = " + id + " AND " + p;
            case "delete" -> c.is(Engine.MARIADB)
                    ? "DELETE t FROM " + table + " t WHERE t.id = " + id + " AND " + p
                    : "DELETE FROM " + table + " t WHERE t.id = " + id + " AND " + p;
            default -> throw new IllegalArgumentException(place);
        };
    }
}
