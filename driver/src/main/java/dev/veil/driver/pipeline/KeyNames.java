package dev.veil.driver.pipeline;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generated-key column names Veil hands to a vendor driver: plain identifiers only. PostgreSQL's driver turns a
 * name starting with {@code *} into {@code RETURNING *} and appends a name starting with a double quote as written;
 * the others quote or look names up in their own ways. A plain name means the same to all of them.
 */
final class KeyNames {

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|`([^`]+)`");

    private KeyNames() {
    }

    /** The column a key name stands for (without its quotes), or empty when it is not a plain identifier. */
    static Optional<String> column(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (PLAIN.matcher(name).matches()) {
            return Optional.of(name);
        }
        var quoted = QUOTED.matcher(name);
        if (quoted.matches()) {
            String inner = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            return PLAIN.matcher(inner).matches() ? Optional.of(inner) : Optional.empty();
        }
        return Optional.empty();
    }
}
