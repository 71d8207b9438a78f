package dev.veil.it.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The canaries: one unique value per sensitive cell of the fuzz schema, made so that a fragment of one cannot turn up
 * by chance. Text canaries are drawn from sixteen consonants that are not hex digits ({@link #ALPHABET}), so no hash,
 * hex string or English word produced by the grammar contains four of them in a row, and no two canaries share a
 * four-character fragment. Each canary knows which of its characters its mask hides ({@link Canary#hidden()}); only
 * fragments that include a hidden character are searched for, because the visible rest (an e-mail's domain, the last
 * characters of a partial mask) reaches the caller by design.
 *
 * <p>A canary can be <em>rotated</em> (every alphabet letter moved five places, every digit three): the fuzzer rotates
 * a canary it found in an output and runs the statement again, and counts a leak only when the rotated fragment comes
 * back — the output then truly depends on the sensitive value.
 */
final class Canaries {

    /** Sixteen letters, none a hex digit or vowel. */
    static final String ALPHABET = "ghjkmnpqrstvwxyz";
    /** Four-letter runs of SQL vocabulary that canaries must not contain (function names, keywords in messages). */
    private static final List<String> BLOCKED = List.of("ngth", "strp", "nths", "mpty", "rstr", "tstr", "ymnt",
            "nstr", "xtst", "gths", "hythm", "ythm", "tsqu", "hstr", "schm", "rsql", "sqls", "pgsq", "gsql");

    enum Kind { TEXT, NUMBER, DATE }

    /**
     * One canary.
     *
     * @param table  table name
     * @param column column name
     * @param rowId  the row's id
     * @param value  the value as stored (for DATE: ISO text; for NUMBER: digits)
     * @param hidden positions of {@code value} the column's mask hides
     * @param kind   what kind of value
     */
    record Canary(String table, String column, int rowId, String value, BitSet hidden, Kind kind) {
        String label() {
            return table + "." + column + " (id " + rowId + ")";
        }

        /** The same canary with every letter and digit moved (same hidden positions). */
        Canary rotated() {
            return new Canary(table, column, rowId, rotate(value, kind), hidden, kind);
        }
    }

    static final int CUSTOMERS = 8;
    static final int ORDERS = 10;

    private static final Canaries INSTANCE = new Canaries();

    private final List<Canary> all = new ArrayList<>();
    private final Set<String> usedGrams = new HashSet<>();
    private final Random random = new Random(0xCA4A21E5L);

    static Canaries get() {
        return INSTANCE;
    }

    private Canaries() {
        for (int id = 1; id <= CUSTOMERS; id++) {
            String first = capital(word(5));
            String last = capital(word(7));
            add("fz_customers", "full_name", id, first + " " + last, allHidden(first + " " + last));
            String local = word(1) + word(10);
            String email = local + "@mail" + id + ".example";
            add("fz_customers", "email", id, email, range(email.length(), 1, local.length()));
            String phone = word(10) + (10 + id * 7);
            add("fz_customers", "phone", id, phone, range(phone.length(), 0, phone.length() - 2));
            String ssn = word(12);
            add("fz_customers", "ssn", id, ssn, range(ssn.length(), 0, ssn.length() - 4));
            String token = word(16);
            add("fz_customers", "api_token", id, token, allHidden(token));
            String loyalty = word(12);
            add("fz_customers", "loyalty_code", id, loyalty, allHidden(loyalty));
            String pin = word(10);
            String profile = "{\"pin\":\"" + pin + "\",\"plan\":\"gold\"}";
            add("fz_customers", "profile", id, profile, range(profile.length(), 8, 8 + pin.length()));
            all.add(new Canary("fz_customers", "salary", id, salary(id), allHidden("0000000"), Kind.NUMBER));
            LocalDate birth = LocalDate.of(1950 + id * 3, 1 + (id * 5) % 12, 2 + (id * 7) % 25);
            all.add(new Canary("fz_customers", "birth_date", id, birth.toString(), allHidden(birth.toString()),
                    Kind.DATE));
        }
        for (int i = 0; i < ORDERS; i++) {
            int id = 101 + i;
            String ship = (10 + i) + " " + capital(word(6)) + " " + capital(word(5)) + " Way";
            add("fz_orders", "ship_to", id, ship, allHidden(ship));
            String card = word(12) + (1000 + i * 37);
            add("fz_orders", "card_number", id, card, range(card.length(), 0, card.length() - 4));
            String note = capital(word(6)) + " " + word(7) + " " + word(5);
            add("fz_orders", "note", id, note, allHidden(note));
        }
    }

    List<Canary> all() {
        return all;
    }

    /** The canary of one cell, or null. */
    Canary of(String table, String column, int rowId) {
        for (Canary c : all) {
            if (c.table().equals(table) && c.column().equals(column) && c.rowId() == rowId) {
                return c;
            }
        }
        return null;
    }

    /** Text canaries of one column, for probes. */
    List<Canary> textOf(String table, String column) {
        List<Canary> out = new ArrayList<>();
        for (Canary c : all) {
            if (c.table().equals(table) && c.column().equals(column) && c.kind() == Kind.TEXT) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * What the fuzz policy's mask makes of a text canary (null for the {@code null} mask), so that probes can avoid
     * guesses the masked value itself would confirm (an e-mail mask keeps the first letter and the domain, and moves
     * them).
     */
    static String masked(Canary k) {
        String v = k.value();
        return switch (k.column()) {
            case "email" -> v.charAt(0) + "***" + v.substring(v.lastIndexOf('@'));
            case "phone" -> "*".repeat(v.length() - 2) + v.substring(v.length() - 2);
            case "ssn", "card_number" -> "*".repeat(v.length() - 4) + v.substring(v.length() - 4);
            case "api_token" -> null;
            case "loyalty_code" -> "0123456789abcdef"; // a hash: hex digits only
            default -> "***";
        };
    }

    private static String salary(int id) {
        // seven digits, first digit 1..6 (so rotation keeps seven digits), last three >= 950 so that rounding to a
        // thousand changes the fifth digit too
        return String.valueOf(1_000_000 * (1 + id % 6) + 100_000 * ((id * 3) % 10) + 10_000 * ((id * 7) % 10)
                + 1_000 * ((id * 9) % 10) + 950 + id * 5);
    }

    private void add(String table, String column, int id, String value, BitSet hidden) {
        all.add(new Canary(table, column, id, value, hidden, Kind.TEXT));
    }

    /** A run of alphabet letters that shares no four-letter fragment with earlier canaries or the blocked list. */
    private String word(int length) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String w = b.toString();
            if (acceptable(w)) {
                for (int i = 0; i + 4 <= w.length(); i++) {
                    usedGrams.add(w.substring(i, i + 4));
                }
                return w;
            }
        }
        throw new IllegalStateException("no canary word");
    }

    private boolean acceptable(String w) {
        for (String blocked : BLOCKED) {
            if (w.contains(blocked)) {
                return false;
            }
        }
        for (int i = 0; i + 4 <= w.length(); i++) {
            String gram = w.substring(i, i + 4);
            if (usedGrams.contains(gram) || usedGrams.contains(new StringBuilder(gram).reverse().toString())) {
                return false;
            }
        }
        return true;
    }

    private static String capital(String w) {
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }

    private static BitSet allHidden(String value) {
        return range(value.length(), 0, value.length());
    }

    private static BitSet range(int length, int from, int to) {
        BitSet b = new BitSet(length);
        b.set(from, to);
        return b;
    }

    /** Moves every alphabet letter five places and every digit three (dates: the day moves by one). */
    static String rotate(String value, Kind kind) {
        if (kind == Kind.DATE) {
            return LocalDate.parse(value).plusDays(1).toString();
        }
        StringBuilder b = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            int at = ALPHABET.indexOf(Character.toLowerCase(ch));
            if (at >= 0) {
                char r = ALPHABET.charAt((at + 5) % ALPHABET.length());
                b.append(Character.isUpperCase(ch) ? Character.toUpperCase(r) : r);
            } else if (ch >= '0' && ch <= '9' && kind == Kind.NUMBER) {
                b.append((char) ('0' + (ch - '0' + 3) % 10));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
