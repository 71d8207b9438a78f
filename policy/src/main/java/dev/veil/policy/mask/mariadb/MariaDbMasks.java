package dev.veil.policy.mask.mariadb;

import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.SessionSetup;
import dev.veil.policy.mask.ValueType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Masks in MariaDB and MySQL SQL. Nothing here depends on {@code sql_mode}: no {@code ||} (PIPES_AS_CONCAT), no
 * double quotes (ANSI_QUOTES), no backslash in literals (NO_BACKSLASH_ESCAPES); text is converted to
 * {@code utf8mb4} and compared under {@code utf8mb4_bin}, since a {@code _ci} collation could make {@code LOCATE('@')}
 * find a full-width {@code ＠}. The hash secrets are user variables.
 */
public final class MariaDbMasks extends MaskDialect {

    private static final String INNER = "@veil_hash_ikey";
    private static final String OUTER = "@veil_hash_okey";

    public MariaDbMasks() {
        super("MARIADB");
    }

    /** MAKEDATE would read years below 100 as two-digit years. */
    @Override
    protected String year(String c, ValueType type) {
        return type == ValueType.DATE
                ? "DATE_SUB(" + c + ", INTERVAL (DAYOFYEAR(" + c + ") - 1) DAY)"
                : "CAST(DATE_SUB(CAST(" + c + " AS DATE), INTERVAL (DAYOFYEAR(" + c + ") - 1) DAY) AS DATETIME)";
    }

    @Override
    protected String hmac(String c, ValueType type) {
        String message = switch (type) {
            case STRING -> "CONVERT(" + c + " USING utf8mb4)";
            case INTEGER -> "CAST(" + c + " AS CHAR)";
            default -> c;
        };
        String macHex = "SHA2(CONCAT(" + secret(OUTER) + ", UNHEX(SHA2(CONCAT(" + secret(INNER) + ", " + message
                + "), 256))), 256)";
        return switch (type) {
            case STRING -> "LOWER(" + macHex + ")";
            case INTEGER -> "CAST(CONV(SUBSTRING(" + macHex + ", 2, 15), 16, 10) AS SIGNED)";
            default -> "UNHEX(" + macHex + ")";
        };
    }

    @Override
    protected String hashSecretsMatch(String fingerprintHex) {
        return "UNHEX(SHA2(CONCAT(" + secret(INNER) + ", " + secret(OUTER) + "), 256)) = UNHEX('" + fingerprintHex
                + "')";
    }

    private static String secret(String variable) {
        return "UNHEX(" + variable + ")";
    }

    /** To be prepared on the server: the connector's client-side preparation would put the values in the text. */
    @Override
    protected SessionSetup hashSecretsSetup(byte[] innerPad, byte[] outerPad) {
        return SessionSetup.of("SET " + INNER + " = ?, " + OUTER + " = ?",
                List.of(HexFormat.of().formatHex(innerPad), HexFormat.of().formatHex(outerPad)));
    }

    @Override
    protected List<String> hashSecretNames() {
        return List.of(INNER, OUTER);
    }

    @Override
    protected String stringLiteral(String value) {
        return isPlainAscii(value)
                ? "'" + value + "'"
                // Hex with a charset introducer: immune to NO_BACKSLASH_ESCAPES and to the connection charset.
                : "_utf8mb4 X'" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8))
                        + "' COLLATE utf8mb4_bin";
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

    /** An approximate-value literal is a DOUBLE. */
    @Override
    protected String doubleLiteral(double value) {
        return "(" + scientific(value) + ")";
    }

    @Override
    protected String decimalZero() {
        return "CAST(0 AS DECIMAL)";
    }

    @Override
    protected String emptyBinary() {
        return "X''";
    }

    /** On MariaDB, JSON is text (LONGTEXT with a validity check). */
    @Override
    protected String emptyJsonObject() {
        return "'{}'";
    }

    @Override
    protected String bigint(String x) {
        return "CAST(" + x + " AS SIGNED)";
    }

    @Override
    protected String doublePrecision(String x) {
        return "CAST(" + x + " AS DOUBLE)";
    }

    /** MariaDB's arithmetic already takes the larger scale of column and step (CAST AS DECIMAL is DECIMAL(10,0)). */
    @Override
    protected String decimalOperand(String c, ValueType type, BigDecimal step) {
        return c;
    }

    @Override
    protected String text(String c) {
        return "CONVERT(" + c + " USING utf8mb4) COLLATE utf8mb4_bin";
    }

    @Override
    protected String length(String s) {
        return "CHAR_LENGTH(" + s + ")";
    }

    @Override
    protected String firstChars(String s, int count) {
        return "LEFT(" + s + ", " + count + ")";
    }

    @Override
    protected String lastChars(String s, int count) {
        return "RIGHT(" + s + ", " + count + ")";
    }

    @Override
    protected String repeat(String literal, String times) {
        return "REPEAT(" + literal + ", " + times + ")";
    }

    /** Not {@code ||}, which PIPES_AS_CONCAT decides. */
    @Override
    protected String concat(List<String> parts) {
        return "CONCAT(" + String.join(", ", parts) + ")";
    }

    @Override
    protected String position(String literal, String s) {
        return "LOCATE(" + literal + ", " + s + ")";
    }

    /** Measured fastest (see docs/masking.md, "Cost"): one call, no comparison; utf8mb4_bin compares bytes. */
    @Override
    protected String emailInitial(String s) {
        return "REPLACE(LEFT(" + s + ", 1), " + stringLiteral("@") + ", '')";
    }

    /** LPAD counts characters, the pad's too: one call in place of REPEAT and a concatenation. */
    @Override
    protected String hidden(String s, Mask mask, String len) {
        String tail = "LPAD(" + (mask.keepLast() > 0 ? lastChars(s, mask.keepLast()) : "''") + ", " + len
                + (mask.keepFirst() > 0 ? " - " + mask.keepFirst() : "") + ", " + stringLiteral(mask.pad()) + ")";
        return mask.keepFirst() > 0 ? concat(List.of(firstChars(s, mask.keepFirst()), tail)) : tail;
    }

    @Override
    protected String emailDomain(String s) {
        return "SUBSTRING_INDEX(" + s + ", " + stringLiteral("@") + ", -1)";
    }
}
