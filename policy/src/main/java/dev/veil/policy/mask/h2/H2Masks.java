package dev.veil.policy.mask.h2;

import dev.veil.policy.mask.HashKey;
import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.SessionSetup;
import dev.veil.policy.mask.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks in H2 SQL (regular mode). H2 counts UTF-16 units, so lengths and substrings go through Java regular
 * expressions, which match whole code points; {@code (?s)} makes {@code .} match line breaks too. The hash secrets
 * are session variables holding the bytes themselves.
 */
public final class H2Masks extends MaskDialect {

    private static final String INNER = "@VEIL_HASH_IKEY";
    private static final String OUTER = "@VEIL_HASH_OKEY";

    public H2Masks() {
        super("H2");
    }

    @Override
    protected String year(String c, ValueType type) {
        return "DATE_TRUNC('YEAR', " + c + ")";
    }

    @Override
    protected String hmac(String c, ValueType type) {
        String message = type == ValueType.BINARY ? c : "STRINGTOUTF8(CAST(" + c + " AS VARCHAR))";
        String mac = "HASH('SHA-256', " + OUTER + " || HASH('SHA-256', " + INNER + " || " + message + "))";
        return switch (type) {
            case STRING -> "LOWER(RAWTOHEX(" + mac + "))";
            case INTEGER -> "BITAND(CAST(SUBSTRING(" + mac + " FROM 1 FOR 8) AS BIGINT), "
                    + HashKey.INTEGER_HASH_BITS + ")";
            default -> mac;
        };
    }

    @Override
    protected String hashSecretsMatch(String fingerprintHex) {
        return "HASH('SHA-256', " + INNER + " || " + OUTER + ") = X'" + fingerprintHex + "'";
    }

    @Override
    protected SessionSetup hashSecretsSetup(byte[] innerPad, byte[] outerPad) {
        return SessionSetup.of("SET " + INNER + " = ?", List.of(innerPad))
                .and("SET " + OUTER + " = ?", List.of(outerPad));
    }

    @Override
    protected List<String> hashSecretNames() {
        return List.of(INNER, OUTER);
    }

    /** Regular mode has no backslash escapes. */
    @Override
    protected String stringLiteral(String value) {
        return quoted(value);
    }

    @Override
    protected String doubleLiteral(double value) {
        return "CAST('" + scientific(value) + "' AS DOUBLE PRECISION)";
    }

    @Override
    protected String decimalZero() {
        return "CAST(0 AS NUMERIC)";
    }

    @Override
    protected String emptyBinary() {
        return "X''";
    }

    @Override
    protected String emptyJsonObject() {
        return "JSON '{}'";
    }

    @Override
    protected String bigint(String x) {
        return "CAST(" + x + " AS BIGINT)";
    }

    @Override
    protected String doublePrecision(String x) {
        return "CAST(" + x + " AS DOUBLE PRECISION)";
    }

    /** H2 would keep an integer's scale of 0; the other engines take the step's. */
    @Override
    protected String decimalOperand(String c, ValueType type, BigDecimal step) {
        return type == ValueType.INTEGER
                ? "CAST(" + c + " AS NUMERIC(" + (20 + step.scale()) + ", " + step.scale() + "))"
                : c;
    }

    /** H2 gives MOD the type of its divisor; adding x * 0 gives the divisor the dividend's scale as well. */
    @Override
    protected String decimalMod(String x, String divisor) {
        return mod(x, "(" + divisor + " + " + x + " * 0)");
    }

    @Override
    protected String text(String c) {
        return "CAST(" + c + " AS VARCHAR)";
    }

    /** Counts code points: every one becomes a single '*'. */
    @Override
    protected String length(String s) {
        return "CHAR_LENGTH(REGEXP_REPLACE(" + s + ", '(?s).', '*'))";
    }

    @Override
    protected String firstChars(String s, int count) {
        return "REGEXP_SUBSTR(" + s + ", '^(?s).{0," + count + "}')";
    }

    /** (?!.) in DOTALL mode is the true end of input; '$' would also match before a final line break. */
    @Override
    protected String lastChars(String s, int count) {
        return "REGEXP_SUBSTR(" + s + ", '(?s).{0," + count + "}(?!.)')";
    }

    @Override
    protected String repeat(String literal, String times) {
        return "REPEAT(" + literal + ", " + times + ")";
    }

    @Override
    protected String concat(List<String> parts) {
        return "CONCAT(" + String.join(", ", parts) + ")";
    }

    @Override
    protected String position(String literal, String s) {
        return "LOCATE(" + literal + ", " + s + ")";
    }

    /**
     * ASCII gives the first UTF-16 unit: '@' gives nothing, a high surrogate goes through the regular expression
     * (which takes a pair whole, a lone surrogate alone), anything else is that one unit. Twice as fast as the
     * regular expression alone.
     */
    @Override
    protected String emailInitial(String s) {
        return "CASE WHEN ASCII(" + s + ") = 64 THEN '' WHEN ASCII(" + s + ") BETWEEN 55296 AND 56319 THEN "
                + firstChars(s, 1) + " ELSE LEFT(" + s + ", 1) END";
    }

    /** LOCATE with a negative start searches backwards: the last '@', a BMP character, in UTF-16 positions. */
    @Override
    protected String emailDomain(String s) {
        return "SUBSTRING(" + s + ", LOCATE('@', " + s + ", -1) + 1)";
    }

    /**
     * Text without supplementary characters (no surrogate pair) has as many code points as UTF-16 units, so the
     * unit-counting LEFT, RIGHT and CHAR_LENGTH are exact there: one regular-expression search picks that fast
     * path, five times cheaper than counting code points with regular expressions, which the other texts still do.
     */
    @Override
    protected String partial(String c, Mask mask) {
        String s = "(" + text(c) + ")";
        String units = "CHAR_LENGTH(" + s + ")";
        int kept = mask.keepFirst() + mask.keepLast();
        String pad = stringLiteral(mask.pad());
        List<String> parts = new ArrayList<>();
        if (mask.keepFirst() > 0) {
            parts.add("LEFT(" + s + ", " + mask.keepFirst() + ")");
        }
        parts.add(repeat(pad, units + " - " + kept));
        if (mask.keepLast() > 0) {
            parts.add("RIGHT(" + s + ", " + mask.keepLast() + ")");
        }
        return "CASE WHEN " + c + " IS NULL THEN NULL"
                + " WHEN REGEXP_LIKE(" + s + ", '[\\x{10000}-\\x{10FFFF}]') THEN " + super.partial(c, mask)
                + " WHEN " + units + " <= " + kept + " THEN " + repeat(pad, units)
                + " ELSE " + (parts.size() == 1 ? parts.get(0) : concat(parts)) + " END";
    }
}
