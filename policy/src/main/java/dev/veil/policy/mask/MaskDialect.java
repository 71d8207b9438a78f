package dev.veil.policy.mask;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How masks are written in one engine's SQL, in the manner of Calcite's {@code SqlDialect}: one subclass per engine,
 * each in a package of its own ({@code dev.veil.policy.mask.postgresql.PostgreSqlMasks}...). The engines Veil ships
 * are in {@link MaskDialects}; instances are stateless and thread-safe.
 *
 * <p>Masks whose algorithm is the same on every engine ({@code null}, {@code redact}, {@code partial}, {@code email},
 * {@code round}, the fingerprint guard of {@code hash}) are composed here, once, from the engine's primitives:
 * literals, casts and code-point string functions. They follow {@link ReferenceMasker} step for step. What has no
 * common shape ({@code year}, the HMAC of {@code hash}, installing the hash secrets) each engine writes whole. An
 * engine may override a composed mask where its SQL says it better, as long as the results stay the reference's.
 *
 * <p>Every piece an engine writes must keep NULL as NULL, count characters as Unicode code points, compare text byte
 * by byte, and mean the same whatever a client sets in its session (quoting and escaping modes, collation, character
 * set, date style). Column arguments ({@code c}) arrive parenthesized and are repeated freely, so callers pass cheap
 * deterministic expressions; string arguments ({@code s}) are the parenthesized {@link #text text} of a column.
 */
public abstract class MaskDialect {

    private static final String STARS = "***";

    private final String name;

    /** @param name the engine's name in messages, upper case, e.g. {@code POSTGRESQL} */
    protected MaskDialect(String name) {
        this.name = name;
    }

    public final String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- masks composed from the primitives ------------------------------------------------------------------

    /**
     * NULL of the column's own type: the column itself where it is NULL. (A branch that is never taken, such as
     * {@code WHEN 1 = 0}, would be folded by H2 into a NULL without a type.)
     */
    protected String nullOf(String c) {
        return "CASE WHEN " + c + " IS NULL THEN " + c + " END";
    }

    /** A constant of the column's type, NULL where the column is NULL; {@link #nullOf} where no constant fits. */
    protected String redact(String c, ValueType type) {
        String constant = redactedConstant(type);
        if (constant == null) {
            return nullOf(c);
        }
        return "CASE WHEN " + c + " IS NULL THEN NULL ELSE " + constant + " END";
    }

    /** The constant {@code redact} gives a column of {@code type}, or null when there is none (OTHER). */
    protected String redactedConstant(ValueType type) {
        return switch (type) {
            case STRING -> stringLiteral(STARS);
            case INTEGER -> "0";
            case DECIMAL -> decimalZero();
            case FLOATING -> doubleLiteral(0.0);
            case BOOLEAN -> "FALSE";
            case DATE -> "DATE '1970-01-01'";
            case TIMESTAMP -> "TIMESTAMP '1970-01-01 00:00:00'";
            case TIME -> "TIME '00:00:00'";
            case BINARY -> emptyBinary();
            case JSON -> emptyJsonObject();
            case OTHER -> null;
        };
    }

    /** The first and last characters kept, the others replaced by the pad; all pad when nothing would be hidden. */
    protected String partial(String c, Mask mask) {
        String s = "(" + text(c) + ")";
        String len = length(s);
        int kept = mask.keepFirst() + mask.keepLast();
        String pad = stringLiteral(mask.pad());
        return "CASE WHEN " + c + " IS NULL THEN NULL"
                + " WHEN " + len + " <= " + kept + " THEN " + repeat(pad, len)
                + " ELSE " + hidden(s, mask, len) + " END";
    }

    /**
     * The partial mask of a text longer than the kept characters: its first characters, the pad for each hidden
     * one, its last characters. {@code len} is its length in code points.
     */
    protected String hidden(String s, Mask mask, String len) {
        int kept = mask.keepFirst() + mask.keepLast();
        List<String> parts = new ArrayList<>();
        if (mask.keepFirst() > 0) {
            parts.add(firstChars(s, mask.keepFirst()));
        }
        parts.add(repeat(stringLiteral(mask.pad()), len + " - " + kept));
        if (mask.keepLast() > 0) {
            parts.add(lastChars(s, mask.keepLast()));
        }
        return parts.size() == 1 ? parts.get(0) : concat(parts);
    }

    /**
     * The first character, {@code ***@} and the domain after the last {@code @}; {@code ***} without one. One
     * concatenation for both shapes of the local part (the first character is empty when it is the {@code @}).
     */
    protected String email(String c) {
        String s = "(" + text(c) + ")";
        return "CASE WHEN " + c + " IS NULL THEN NULL"
                + " WHEN NOT (" + position(stringLiteral("@"), s) + " > 0) THEN " + stringLiteral(STARS)
                + " ELSE " + concat(List.of(emailInitial(s), stringLiteral(STARS + "@"), emailDomain(s))) + " END";
    }

    /**
     * The HMAC of the column, or NULL when the session's hash secrets are not the ones of the key with this
     * fingerprint (a client that installed secrets of its own gets no hashes under a key it knows).
     */
    final String hash(String c, ValueType type, String fingerprintHex) {
        return "CASE WHEN " + hashSecretsMatch(fingerprintHex) + " THEN " + hmac(c, type) + " END";
    }

    /**
     * Integers in 64-bit arithmetic without overflow: truncate toward zero with the remainder, step away from zero
     * when the remainder is at least half a step, unless that would leave the 64-bit range.
     */
    protected String roundInteger(String c, long step) {
        String x = bigint(c);
        String s = exact(step);
        String r = mod(x, s);
        String truncated = "(" + x + " - " + r + ")";
        return "CASE WHEN 2 * " + builtin("ABS") + "(" + r + ") < " + s + " THEN " + truncated
                + " WHEN " + x + " > 0 AND " + truncated + " <= " + exact(Long.MAX_VALUE - step)
                + " THEN " + truncated + " + " + s
                + " WHEN " + x + " < 0 AND " + truncated + " >= " + exact(Long.MIN_VALUE + step)
                + " THEN " + truncated + " - " + s
                + " ELSE " + truncated + " END";
    }

    /** Exact decimals (and integers rounded to a fractional step): the same remainder method, no division. */
    protected String roundDecimal(String c, ValueType type, BigDecimal step) {
        String x = decimalOperand(c, type, step);
        String s = decimalConstant(step);
        String r = decimalMod(x, s);
        String truncated = "(" + x + " - " + r + ")";
        return "CASE WHEN " + decimalConstant(BigDecimal.valueOf(2)) + " * " + builtin("ABS") + "(" + r + ") < " + s
                + " THEN " + truncated
                + " WHEN " + x + " > " + decimalConstant(BigDecimal.ZERO) + " THEN " + truncated + " + " + s
                + " ELSE " + truncated + " - " + s + " END";
    }

    /**
     * An exact constant computed or compared with a {@link #decimalOperand}: the plain literal, unless the engine
     * would pick an operator for the two types by the session's search path (PostgreSQL: a user's {@code >(numeric,
     * integer)} matches a numeric and an integer literal better than the built-in, and would see the raw value).
     */
    protected String decimalConstant(BigDecimal value) {
        return exact(value);
    }

    /**
     * IEEE 754 double arithmetic, the same sequence of correctly rounded operations on every engine. Two guards keep
     * engines from raising overflow or underflow errors: values below half a step are 0, and values of at least
     * 2^52 steps, whose precision is already about a step or coarser, stay as they are.
     */
    protected String roundFloating(String c, double step) {
        String x = doublePrecision(c);
        String s = doubleLiteral(step);
        String half = doubleLiteral(0.5);
        String zero = doubleLiteral(0.0);
        String abs = builtin("ABS");
        String floor = builtin("FLOOR");
        return "CASE WHEN " + abs + "(" + x + ") >= " + doubleLiteral(Mask.floatingLimit(step)) + " THEN " + x
                + " WHEN " + abs + "(" + x + ") < " + doubleLiteral(step / 2) + " THEN " + zero
                + " WHEN " + x + " < " + zero
                + " THEN " + zero + " - " + floor + "((" + zero + " - " + x + ") / " + s + " + " + half + ") * " + s
                + " ELSE " + floor + "(" + x + " / " + s + " + " + half + ") * " + s + " END";
    }

    // ---- masks each engine writes whole -----------------------------------------------------------------------

    /**
     * The first day of the column's year ({@code type} DATE), or its first instant (TIMESTAMP), of the column's type;
     * without going through text or, for dates, through the session time zone.
     */
    protected abstract String year(String c, ValueType type);

    /**
     * HMAC-SHA256 of the column under the session's hash secrets (see {@link HashKey}): {@code SHA256(outer ‖
     * SHA256(inner ‖ message))}. The message is the UTF-8 bytes of a STRING, the decimal digits of an INTEGER, the
     * bytes of a BINARY. The result is lower-case hex text for STRING, for INTEGER the first 8 bytes as a signed
     * 64-bit integer with the top four bits cleared ({@link HashKey#INTEGER_HASH_BITS}), the 32 bytes for BINARY.
     */
    protected abstract String hmac(String c, ValueType type);

    /** Whether the session holds the hash secrets of the key with this fingerprint, {@code SHA256(inner ‖ outer)}. */
    protected abstract String hashSecretsMatch(String fingerprintHex);

    /**
     * The statements that install the hash secrets in a session, with the secrets as bind parameters only (never in
     * statement text), read back by {@link #hmac} and {@link #hashSecretsMatch}.
     */
    protected abstract SessionSetup hashSecretsSetup(byte[] innerPad, byte[] outerPad);

    /** The names of the session state holding the hash secrets, as written in SQL; each starts with {@code veil}. */
    protected abstract List<String> hashSecretNames();

    // ---- literals and casts ----------------------------------------------------------------------------------

    /** A string literal of {@code value}, whose meaning no quoting or escaping mode or connection charset changes. */
    protected abstract String stringLiteral(String value);

    /** A double precision constant that the engine parses to the same IEEE 754 value; see {@link #scientific}. */
    protected abstract String doubleLiteral(double value);

    /** Zero as an exact numeric (DECIMAL) value. */
    protected abstract String decimalZero();

    /** An empty binary string. */
    protected abstract String emptyBinary();

    /** The empty JSON object {@code {}}, of the engine's JSON column type. */
    protected abstract String emptyJsonObject();

    /** {@code x} as a signed 64-bit integer. */
    protected abstract String bigint(String x);

    /** {@code x} as an IEEE 754 double. */
    protected abstract String doublePrecision(String x);

    /**
     * The column as an exact number whose remainder by the step ({@link #decimalMod}) keeps the larger of the two
     * scales, as {@code BigDecimal.remainder} does. {@code type} is DECIMAL, or INTEGER rounded to a fractional step.
     */
    protected abstract String decimalOperand(String c, ValueType type, BigDecimal step);

    // ---- text, counted in code points ------------------------------------------------------------------------

    /** The column as text on which the functions below work, compared byte for byte (a binary collation). */
    protected abstract String text(String c);

    /** The number of code points of {@code s}. */
    protected abstract String length(String s);

    /** The first {@code count} code points of {@code s} (all of it when shorter). */
    protected abstract String firstChars(String s, int count);

    /** The last {@code count} code points of {@code s} (all of it when shorter). */
    protected abstract String lastChars(String s, int count);

    /** {@code literal} repeated {@code times} times, where {@code times} is an integer expression. */
    protected abstract String repeat(String literal, String times);

    /** The concatenation of two or more strings, without an operator a session mode could redefine. */
    protected abstract String concat(List<String> parts);

    /** The 1-based position of the first occurrence of {@code literal} in {@code s}, 0 when there is none. */
    protected abstract String position(String literal, String s);

    /**
     * The first character (code point) of {@code s}, which contains an {@code @}; empty when that character is the
     * {@code @}.
     */
    protected String emailInitial(String s) {
        return "CASE WHEN " + firstChars(s, 1) + " = " + stringLiteral("@") + " THEN " + stringLiteral("")
                + " ELSE " + firstChars(s, 1) + " END";
    }

    /** What follows the last {@code @} of {@code s}, which contains one. */
    protected abstract String emailDomain(String s);

    // ---- arithmetic -------------------------------------------------------------------------------------------

    /** The remainder of {@code x} by {@code divisor}, with the sign of {@code x}. */
    protected String mod(String x, String divisor) {
        return builtin("MOD") + "(" + x + ", " + divisor + ")";
    }

    /** {@link #mod} on a {@link #decimalOperand} and an exact step; the result's scale is the larger of theirs. */
    protected String decimalMod(String x, String divisor) {
        return mod(x, divisor);
    }

    // ---- helpers for engines ----------------------------------------------------------------------------------

    /**
     * A built-in function's name as a mask calls it. The value a mask reads is raw: an engine that resolves an
     * unqualified name through the session (a user's function of the same name, a better match for the argument
     * types) writes the name so that only the built-in can answer.
     */
    protected String builtin(String name) {
        return name;
    }

    /** {@code value} between single quotes, quotes doubled. */
    protected static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** An exact numeric literal (no exponent), parenthesized when negative. */
    protected static String exact(BigDecimal value) {
        String text = value.toPlainString();
        return value.signum() < 0 ? "(" + text + ")" : text;
    }

    /** An exact integer literal, parenthesized when negative. */
    protected static String exact(long value) {
        return value < 0 ? "(" + value + ")" : Long.toString(value);
    }

    /**
     * {@code value} in scientific notation with the shortest decimal digits that round-trip ({@code 5E-1},
     * {@code 100E-1}), which every engine parses, correctly rounded, to the same double.
     */
    protected static String scientific(double value) {
        BigDecimal exact = new BigDecimal(Double.toString(value));
        return exact.unscaledValue() + "E" + (-exact.scale());
    }
}
