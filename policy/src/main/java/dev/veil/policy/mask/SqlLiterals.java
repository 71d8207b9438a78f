package dev.veil.policy.mask;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Literals whose meaning does not depend on session settings a client can change: PostgreSQL
 * {@code standard_conforming_strings}, MariaDB {@code sql_mode} (NO_BACKSLASH_ESCAPES, ANSI_QUOTES) and connection
 * character set.
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    static String string(Dialect dialect, String value) {
        return switch (dialect) {
            case POSTGRESQL -> value.indexOf('\\') >= 0
                    // E'' strings treat backslashes the same whatever standard_conforming_strings says.
                    ? "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'"
                    : "'" + value.replace("'", "''") + "'";
            case MARIADB -> isPlainAscii(value)
                    ? "'" + value + "'"
                    // Hex with a charset introducer: immune to NO_BACKSLASH_ESCAPES and to the connection charset.
                    : "_utf8mb4 X'" + HashKey.hex(value.getBytes(StandardCharsets.UTF_8)) + "' COLLATE utf8mb4_bin";
            case H2 -> "'" + value.replace("'", "''") + "'";
        };
    }

    /** An exact numeric literal (no exponent). */
    static String exact(BigDecimal value) {
        String text = value.toPlainString();
        return value.signum() < 0 ? "(" + text + ")" : text;
    }

    static String exact(long value) {
        return value < 0 ? "(" + value + ")" : Long.toString(value);
    }

    /** A double precision constant, parsed by each engine to the same IEEE 754 value. */
    static String floating(Dialect dialect, double value) {
        BigDecimal exact = new BigDecimal(Double.toString(value));
        String scientific = exact.unscaledValue() + "E" + (-exact.scale());
        return switch (dialect) {
            case POSTGRESQL -> "CAST('" + scientific + "' AS double precision)";
            case MARIADB -> "(" + scientific + ")"; // an approximate-value literal is a DOUBLE
            case H2 -> "CAST('" + scientific + "' AS DOUBLE PRECISION)";
        };
    }

    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "*#@._-: ".indexOf(c) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
