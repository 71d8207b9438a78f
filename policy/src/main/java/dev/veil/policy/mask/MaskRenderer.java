package dev.veil.policy.mask;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Renders mask functions as SQL expressions of one dialect.
 *
 * <p>Every expression is parenthesized, so it can stand wherever an expression may; it keeps NULL as NULL, counts
 * characters as Unicode code points on every engine, and depends on no session setting a client can change, with the
 * exceptions documented in {@code docs/masking.md} (the session time zone for {@code year} on time-zone-aware
 * timestamps). The column expression is repeated inside the result, so it should be a column reference or another
 * cheap deterministic expression.
 */
public final class MaskRenderer {

    private static final String STARS = "***";
    private static final long LONG_MAX = Long.MAX_VALUE;
    private static final long LONG_MIN = Long.MIN_VALUE;
    /** Low 60 bits: the integer form of a hash is the first 8 HMAC bytes with the top four bits cleared. */
    static final long HASH_INTEGER_BITS = 0x0FFF_FFFF_FFFF_FFFFL;

    private final Dialect dialect;
    private final HashKey hashKey;

    private MaskRenderer(Dialect dialect, HashKey hashKey) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.hashKey = hashKey;
    }

    /**
     * @param hashKey the hash key, or null when none is configured (rendering a {@code hash} mask then fails)
     */
    public static MaskRenderer of(Dialect dialect, HashKey hashKey) {
        return new MaskRenderer(dialect, hashKey);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * The SQL expression that masks {@code columnSql}, a column of family {@code type}.
     *
     * @throws IllegalStateException for a {@code hash} mask when no hash key is configured
     */
    public String render(Mask mask, String columnSql, ValueType type) {
        Mask effective = mask.effectiveFor(type);
        String c = "(" + columnSql + ")";
        String body = switch (effective.kind()) {
            case NULL -> nullOf(c);
            case REDACT -> redact(c, type);
            case PARTIAL -> partial(c, effective);
            case EMAIL -> email(c);
            case HASH -> hash(c, type);
            case YEAR -> year(c, type);
            case ROUND -> round(c, type, effective);
        };
        return "(" + body + ")";
    }

    // ---- null and redact -------------------------------------------------------------------------------------

    /**
     * NULL of the column's own type: the column itself where it is NULL. (A branch that is never taken, such as
     * {@code WHEN 1 = 0}, would be folded by H2 into a NULL without a type.)
     */
    private static String nullOf(String c) {
        return "CASE WHEN " + c + " IS NULL THEN " + c + " END";
    }

    private String redact(String c, ValueType type) {
        String constant = redactConstant(type);
        if (constant == null) {
            return nullOf(c);
        }
        return "CASE WHEN " + c + " IS NULL THEN NULL ELSE " + constant + " END";
    }

    private String redactConstant(ValueType type) {
        return switch (type) {
            case STRING -> lit(STARS);
            case INTEGER -> "0";
            case DECIMAL -> switch (dialect) {
                case POSTGRESQL -> "CAST(0 AS numeric)";
                case MARIADB -> "CAST(0 AS DECIMAL)";
                case H2 -> "CAST(0 AS NUMERIC)";
            };
            case FLOATING -> SqlLiterals.floating(dialect, 0.0);
            case BOOLEAN -> "FALSE";
            case DATE -> "DATE '1970-01-01'";
            case TIMESTAMP -> "TIMESTAMP '1970-01-01 00:00:00'";
            case TIME -> "TIME '00:00:00'";
            case BINARY -> switch (dialect) {
                case POSTGRESQL -> "decode('', 'hex')";
                case MARIADB, H2 -> "X''";
            };
            case JSON -> switch (dialect) {
                case POSTGRESQL -> "CAST('{}' AS jsonb)";
                case MARIADB -> "'{}'";
                case H2 -> "JSON '{}'";
            };
            case OTHER -> null;
        };
    }

    // ---- strings ---------------------------------------------------------------------------------------------

    /** The column as a string on which the code-point functions below work, compared byte for byte. */
    private String text(String c) {
        return switch (dialect) {
            case POSTGRESQL -> "CAST(" + c + " AS text) COLLATE \"C\"";
            case MARIADB -> "CONVERT(" + c + " USING utf8mb4) COLLATE utf8mb4_bin";
            case H2 -> "CAST(" + c + " AS VARCHAR)";
        };
    }

    private String length(String s) {
        return switch (dialect) {
            case POSTGRESQL -> "char_length(" + s + ")";
            case MARIADB -> "CHAR_LENGTH(" + s + ")";
            // H2 counts UTF-16 units; Java regular expressions match whole code points.
            case H2 -> "CHAR_LENGTH(REGEXP_REPLACE(" + s + ", '(?s).', '*'))";
        };
    }

    private String firstChars(String s, int count) {
        return switch (dialect) {
            case POSTGRESQL -> "left(" + s + ", " + count + ")";
            case MARIADB -> "LEFT(" + s + ", " + count + ")";
            case H2 -> "REGEXP_SUBSTR(" + s + ", '^(?s).{0," + count + "}')";
        };
    }

    private String lastChars(String s, int count) {
        return switch (dialect) {
            case POSTGRESQL -> "right(" + s + ", " + count + ")";
            case MARIADB -> "RIGHT(" + s + ", " + count + ")";
            // (?!.) in DOTALL mode is the true end of input; '$' would also match before a final line break.
            case H2 -> "REGEXP_SUBSTR(" + s + ", '(?s).{0," + count + "}(?!.)')";
        };
    }

    private String repeat(String literal, String times) {
        return (dialect == Dialect.POSTGRESQL ? "repeat(" : "REPEAT(") + literal + ", " + times + ")";
    }

    private String concat(String... parts) {
        if (parts.length == 1) {
            return parts[0];
        }
        // PostgreSQL's || is not subject to any mode; MariaDB's is (PIPES_AS_CONCAT), so CONCAT() there and in H2.
        return dialect == Dialect.POSTGRESQL ? "(" + String.join(" || ", parts) + ")"
                : "CONCAT(" + String.join(", ", parts) + ")";
    }

    private String lit(String value) {
        return SqlLiterals.string(dialect, value);
    }

    private String partial(String c, Mask mask) {
        String s = "(" + text(c) + ")";
        String len = length(s);
        int kept = mask.keepFirst() + mask.keepLast();
        String pad = lit(mask.pad());
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (mask.keepFirst() > 0) {
            parts.add(firstChars(s, mask.keepFirst()));
        }
        parts.add(repeat(pad, len + " - " + kept));
        if (mask.keepLast() > 0) {
            parts.add(lastChars(s, mask.keepLast()));
        }
        return "CASE WHEN " + c + " IS NULL THEN NULL"
                + " WHEN " + len + " <= " + kept + " THEN " + repeat(pad, len)
                + " ELSE " + concat(parts.toArray(String[]::new)) + " END";
    }

    private String email(String c) {
        String s = "(" + text(c) + ")";
        String at = lit("@");
        String hasAt = switch (dialect) {
            case POSTGRESQL -> "strpos(" + s + ", " + at + ") > 0";
            case MARIADB, H2 -> "LOCATE(" + at + ", " + s + ") > 0";
        };
        String domain = switch (dialect) {
            case POSTGRESQL -> "reverse(split_part(reverse(" + s + "), " + at + ", 1))";
            case MARIADB -> "SUBSTRING_INDEX(" + s + ", " + at + ", -1)";
            case H2 -> "REGEXP_REPLACE(" + s + ", '(?s)^.*@', '')";
        };
        String startsWithAt = (dialect == Dialect.POSTGRESQL ? "left(" : "LEFT(") + s + ", 1) = " + at;
        return "CASE WHEN " + c + " IS NULL THEN NULL"
                + " WHEN NOT (" + hasAt + ") THEN " + lit(STARS)
                + " WHEN " + startsWithAt + " THEN " + concat(lit(STARS + "@"), domain)
                + " ELSE " + concat(firstChars(s, 1), lit(STARS + "@"), domain) + " END";
    }

    // ---- hash ------------------------------------------------------------------------------------------------

    private String hash(String c, ValueType type) {
        if (hashKey == null) {
            throw new IllegalStateException("veil: the hash mask needs a hash key (veil.hashKey or VEIL_HASH_KEY)");
        }
        String fingerprint = hashKey.fingerprintHex();
        return switch (dialect) {
            case POSTGRESQL -> {
                String inner = "decode(current_setting('" + HashKey.PG_INNER + "'), 'hex')";
                String outer = "decode(current_setting('" + HashKey.PG_OUTER + "'), 'hex')";
                String check = "sha256(" + inner + " || " + outer + ") = decode('" + fingerprint + "', 'hex')";
                String message = type == ValueType.BINARY ? c : "convert_to(CAST(" + c + " AS text), 'UTF8')";
                String mac = "sha256(" + outer + " || sha256(" + inner + " || " + message + "))";
                String out = switch (type) {
                    case STRING -> "encode(" + mac + ", 'hex')";
                    case INTEGER -> "CAST(CAST('x0' || substr(encode(" + mac + ", 'hex'), 2, 15) AS bit(64)) AS bigint)";
                    default -> mac;
                };
                yield "CASE WHEN " + check + " THEN " + out + " END";
            }
            case MARIADB -> {
                String inner = "UNHEX(" + HashKey.MARIADB_INNER + ")";
                String outer = "UNHEX(" + HashKey.MARIADB_OUTER + ")";
                String check = "UNHEX(SHA2(CONCAT(" + inner + ", " + outer + "), 256)) = UNHEX('" + fingerprint + "')";
                String message = switch (type) {
                    case STRING -> "CONVERT(" + c + " USING utf8mb4)";
                    case INTEGER -> "CAST(" + c + " AS CHAR)";
                    default -> c;
                };
                String macHex = "SHA2(CONCAT(" + outer + ", UNHEX(SHA2(CONCAT(" + inner + ", " + message
                        + "), 256))), 256)";
                String out = switch (type) {
                    case STRING -> "LOWER(" + macHex + ")";
                    case INTEGER -> "CAST(CONV(SUBSTRING(" + macHex + ", 2, 15), 16, 10) AS SIGNED)";
                    default -> "UNHEX(" + macHex + ")";
                };
                yield "CASE WHEN " + check + " THEN " + out + " END";
            }
            case H2 -> {
                String inner = HashKey.H2_INNER;
                String outer = HashKey.H2_OUTER;
                String check = "HASH('SHA-256', " + inner + " || " + outer + ") = X'" + fingerprint + "'";
                String message = type == ValueType.BINARY ? c : "STRINGTOUTF8(CAST(" + c + " AS VARCHAR))";
                String mac = "HASH('SHA-256', " + outer + " || HASH('SHA-256', " + inner + " || " + message + "))";
                String out = switch (type) {
                    case STRING -> "LOWER(RAWTOHEX(" + mac + "))";
                    case INTEGER -> "BITAND(CAST(SUBSTRING(" + mac + " FROM 1 FOR 8) AS BIGINT), "
                            + HASH_INTEGER_BITS + ")";
                    default -> mac;
                };
                yield "CASE WHEN " + check + " THEN " + out + " END";
            }
        };
    }

    // ---- dates -----------------------------------------------------------------------------------------------

    private String year(String c, ValueType type) {
        boolean date = type == ValueType.DATE;
        return switch (dialect) {
            // date - integer is a date; date_trunc on a date would go through the session time zone.
            case POSTGRESQL -> date
                    ? c + " - (CAST(extract(doy FROM " + c + ") AS integer) - 1)"
                    : "date_trunc('year', " + c + ")";
            // MAKEDATE would read years below 100 as two-digit years.
            case MARIADB -> date
                    ? "DATE_SUB(" + c + ", INTERVAL (DAYOFYEAR(" + c + ") - 1) DAY)"
                    : "CAST(DATE_SUB(CAST(" + c + " AS DATE), INTERVAL (DAYOFYEAR(" + c + ") - 1) DAY) AS DATETIME)";
            case H2 -> "DATE_TRUNC('YEAR', " + c + ")";
        };
    }

    // ---- numbers ---------------------------------------------------------------------------------------------

    private String round(String c, ValueType type, Mask mask) {
        if (type == ValueType.FLOATING) {
            return roundFloating(c, mask.step().doubleValue());
        }
        if (type == ValueType.INTEGER && mask.integralStep()) {
            return roundInteger(c, mask.step().longValueExact());
        }
        return roundDecimal(c, type, mask.step());
    }

    /**
     * Integers in 64-bit arithmetic without overflow: truncate toward zero with the remainder, step away from zero
     * when the remainder is at least half a step, unless that would leave the 64-bit range.
     */
    private String roundInteger(String c, long step) {
        String x = switch (dialect) {
            case POSTGRESQL -> "CAST(" + c + " AS bigint)";
            case MARIADB -> "CAST(" + c + " AS SIGNED)";
            case H2 -> "CAST(" + c + " AS BIGINT)";
        };
        String s = SqlLiterals.exact(step);
        String r = "MOD(" + x + ", " + s + ")";
        String truncated = "(" + x + " - " + r + ")";
        return "CASE WHEN 2 * ABS(" + r + ") < " + s + " THEN " + truncated
                + " WHEN " + x + " > 0 AND " + truncated + " <= " + SqlLiterals.exact(LONG_MAX - step)
                + " THEN " + truncated + " + " + s
                + " WHEN " + x + " < 0 AND " + truncated + " >= " + SqlLiterals.exact(LONG_MIN + step)
                + " THEN " + truncated + " - " + s
                + " ELSE " + truncated + " END";
    }

    /** Exact decimals: the same remainder method, no division (which would round). */
    private String roundDecimal(String c, ValueType type, BigDecimal step) {
        String x = c;
        if (dialect == Dialect.POSTGRESQL) {
            x = "CAST(" + c + " AS numeric)";
        } else if (dialect == Dialect.H2 && type == ValueType.INTEGER) {
            // H2 would keep the integer's scale of 0; the other engines take the step's.
            x = "CAST(" + c + " AS NUMERIC(" + (20 + step.scale()) + ", " + step.scale() + "))";
        }
        String s = SqlLiterals.exact(step);
        // H2 gives MOD the type of its divisor; adding x * 0 gives the divisor the dividend's scale as well.
        String divisor = dialect == Dialect.H2 ? "(" + s + " + " + x + " * 0)" : s;
        String r = "MOD(" + x + ", " + divisor + ")";
        String truncated = "(" + x + " - " + r + ")";
        return "CASE WHEN 2 * ABS(" + r + ") < " + s + " THEN " + truncated
                + " WHEN " + x + " > 0 THEN " + truncated + " + " + s
                + " ELSE " + truncated + " - " + s + " END";
    }

    /**
     * IEEE 754 double arithmetic, the same sequence of correctly rounded operations on every engine. Two guards keep
     * PostgreSQL and MariaDB from raising overflow or underflow errors: values below half a step are 0, and values
     * of at least 2^52 steps, whose precision is already coarser than about a step, are returned as they are.
     */
    private String roundFloating(String c, double step) {
        String x = switch (dialect) {
            case POSTGRESQL -> "CAST(" + c + " AS double precision)";
            case MARIADB -> "CAST(" + c + " AS DOUBLE)";
            case H2 -> "CAST(" + c + " AS DOUBLE PRECISION)";
        };
        String s = SqlLiterals.floating(dialect, step);
        String half = SqlLiterals.floating(dialect, 0.5);
        String zero = SqlLiterals.floating(dialect, 0.0);
        return "CASE WHEN ABS(" + x + ") >= " + SqlLiterals.floating(dialect, floatingLimit(step)) + " THEN " + x
                + " WHEN ABS(" + x + ") < " + SqlLiterals.floating(dialect, step / 2) + " THEN " + zero
                + " WHEN " + x + " < " + zero
                + " THEN " + zero + " - FLOOR((" + zero + " - " + x + ") / " + s + " + " + half + ") * " + s
                + " ELSE FLOOR(" + x + " / " + s + " + " + half + ") * " + s + " END";
    }

    /** 2^52 steps: from there on a double's precision is about a step or coarser. */
    static double floatingLimit(double step) {
        return step * 0x1p52;
    }
}
