package dev.veil.policy.mask;

import java.util.Locale;

/**
 * The family of values a column holds, as far as masking cares: which masks apply and which constant stands for a
 * redacted value. The JVM reference implementation uses one Java type per family:
 * {@link String} (STRING, JSON), {@link Long} (INTEGER), {@link java.math.BigDecimal} (DECIMAL), {@link Double}
 * (FLOATING), {@link Boolean}, {@link java.time.LocalDate}, {@link java.time.LocalDateTime} (TIMESTAMP),
 * {@link java.time.LocalTime}, {@code byte[]} (BINARY).
 */
public enum ValueType {
    STRING, INTEGER, DECIMAL, FLOATING, BOOLEAN, DATE, TIMESTAMP, TIME, BINARY, JSON, OTHER;

    /**
     * Maps a column's type as JDBC reports it to its family.
     *
     * @param typeName the database's type name (e.g. {@code int4}, {@code BIGINT UNSIGNED}, {@code jsonb}); may be null
     * @param jdbcType the {@code java.sql.Types} code of the column
     */
    public static ValueType of(String typeName, int jdbcType) {
        String name = typeName == null ? "" : typeName.trim().toLowerCase(Locale.ROOT);
        // Type names that the JDBC code alone gets wrong.
        if (name.equals("json") || name.equals("jsonb")) {
            return JSON;
        }
        if (name.equals("year")) {
            return INTEGER; // MariaDB YEAR is reported as DATE but holds a number
        }
        if (name.equals("money")) {
            return OTHER; // PostgreSQL money has no arithmetic with numeric literals
        }
        if (name.startsWith("bigint") && name.contains("unsigned")) {
            return DECIMAL; // values beyond the signed 64-bit range
        }
        if (name.equals("citext")) {
            return STRING;
        }
        return switch (jdbcType) {
            case 1, 12, -1, -15, -9, -16, 2005, 2011 -> STRING; // CHAR, VARCHAR, LONGVARCHAR, N*, CLOB, NCLOB
            case -6, 5, 4, -5 -> INTEGER; // TINYINT, SMALLINT, INTEGER, BIGINT
            case 2, 3 -> DECIMAL; // NUMERIC, DECIMAL
            case 6, 7, 8 -> FLOATING; // FLOAT, REAL, DOUBLE
            case -7, 16 -> BOOLEAN; // BIT, BOOLEAN
            case 91 -> DATE;
            case 93, 2014 -> TIMESTAMP; // TIMESTAMP, TIMESTAMP_WITH_TIMEZONE
            case 92, 2013 -> TIME; // TIME, TIME_WITH_TIMEZONE
            case -2, -3, -4, 2004 -> BINARY; // BINARY, VARBINARY, LONGVARBINARY, BLOB
            default -> OTHER;
        };
    }
}
