package dev.veil.policy.mask;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The JVM reference implementation of every mask: the same results, value for value, as the SQL that
 * {@link MaskRenderer} produces on each engine (the cross-database property test holds them to it).
 *
 * <p>Inputs use the Java types listed on {@link ValueType}; other integral types ({@link Integer}, {@link Short},
 * {@link BigInteger}...) and {@link Float} are widened, {@link OffsetDateTime} is accepted for TIMESTAMP. Outputs
 * use the canonical type of the family: masked integers are {@link Long}, masked floating values {@link Double}.
 */
public final class ReferenceMasker {

    private static final String STARS = "***";

    private final HashKey hashKey;

    private ReferenceMasker(HashKey hashKey) {
        this.hashKey = hashKey;
    }

    /** @param hashKey the hash key, or null when none is configured (applying a {@code hash} mask then fails) */
    public static ReferenceMasker of(HashKey hashKey) {
        return new ReferenceMasker(hashKey);
    }

    /**
     * Masks one value of family {@code type}.
     *
     * @throws IllegalArgumentException if the value is not of a Java type of that family
     * @throws IllegalStateException    for a {@code hash} mask when no hash key is configured
     */
    public Object apply(Mask mask, Object value, ValueType type) {
        if (value == null) {
            return null;
        }
        Mask effective = mask.effectiveFor(type);
        return switch (effective.kind()) {
            case NULL -> null;
            case REDACT -> redact(type, value);
            case PARTIAL -> partial(string(value), effective);
            case EMAIL -> email(string(value));
            case HASH -> hash(value, type);
            case YEAR -> year(value);
            case ROUND -> round(value, type, effective);
        };
    }

    private static Object redact(ValueType type, Object value) {
        return switch (type) {
            case STRING -> STARS;
            case INTEGER -> 0L;
            case DECIMAL -> BigDecimal.ZERO;
            case FLOATING -> 0.0d;
            case BOOLEAN -> Boolean.FALSE;
            case DATE -> LocalDate.of(1970, 1, 1);
            case TIMESTAMP -> value instanceof OffsetDateTime odt
                    ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, odt.getOffset())
                    : LocalDateTime.of(1970, 1, 1, 0, 0);
            case TIME -> LocalTime.MIDNIGHT;
            case BINARY -> new byte[0];
            case JSON -> "{}";
            case OTHER -> null;
        };
    }

    private static String partial(String s, Mask mask) {
        int length = s.codePointCount(0, s.length());
        int kept = mask.keepFirst() + mask.keepLast();
        if (length <= kept) {
            return mask.pad().repeat(length);
        }
        int firstEnd = s.offsetByCodePoints(0, mask.keepFirst());
        int lastStart = s.offsetByCodePoints(s.length(), -mask.keepLast());
        return s.substring(0, firstEnd) + mask.pad().repeat(length - kept) + s.substring(lastStart);
    }

    private static String email(String s) {
        int at = s.lastIndexOf('@');
        if (at < 0) {
            return STARS;
        }
        String domain = s.substring(at + 1);
        String first = s.startsWith("@") ? "" : s.substring(0, s.offsetByCodePoints(0, 1));
        return first + STARS + "@" + domain;
    }

    private Object hash(Object value, ValueType type) {
        if (hashKey == null) {
            throw new IllegalStateException("veil: the hash mask needs a hash key (veil.hashKey or VEIL_HASH_KEY)");
        }
        return switch (type) {
            case STRING -> HashKey.hex(hashKey.hmac(string(value).getBytes(StandardCharsets.UTF_8)));
            case INTEGER -> {
                byte[] mac = hashKey.hmac(integer(value).toString().getBytes(StandardCharsets.US_ASCII));
                yield ByteBuffer.wrap(mac).getLong() & HashKey.INTEGER_HASH_BITS;
            }
            case BINARY -> hashKey.hmac(bytes(value));
            default -> throw new IllegalArgumentException("hash does not apply to " + type);
        };
    }

    private static Object year(Object value) {
        if (value instanceof LocalDate date) {
            return date.withDayOfYear(1);
        }
        if (value instanceof LocalDateTime ts) {
            return LocalDateTime.of(ts.getYear(), 1, 1, 0, 0);
        }
        if (value instanceof OffsetDateTime ts) {
            return OffsetDateTime.of(ts.getYear(), 1, 1, 0, 0, 0, 0, ts.getOffset());
        }
        throw new IllegalArgumentException("not a date or timestamp: " + value.getClass().getName());
    }

    private static Object round(Object value, ValueType type, Mask mask) {
        if (type == ValueType.FLOATING) {
            return roundFloating(floating(value), mask.step().doubleValue());
        }
        if (type == ValueType.INTEGER && mask.integralStep()) {
            return roundInteger(integer(value).longValueExact(), mask.step().longValueExact());
        }
        BigDecimal x = type == ValueType.INTEGER ? new BigDecimal(integer(value)) : decimal(value);
        return roundDecimal(x, mask.step());
    }

    static long roundInteger(long x, long step) {
        long r = x % step;
        long truncated = x - r;
        if (2 * Math.abs(r) < step) {
            return truncated;
        }
        if (x > 0 && truncated <= Long.MAX_VALUE - step) {
            return truncated + step;
        }
        if (x < 0 && truncated >= Long.MIN_VALUE + step) {
            return truncated - step;
        }
        return truncated;
    }

    static BigDecimal roundDecimal(BigDecimal x, BigDecimal step) {
        BigDecimal r = x.remainder(step);
        BigDecimal truncated = x.subtract(r);
        BigDecimal result;
        if (r.abs().multiply(BigDecimal.valueOf(2)).compareTo(step) < 0) {
            result = truncated;
        } else if (x.signum() > 0) {
            result = truncated.add(step);
        } else {
            result = truncated.subtract(step);
        }
        return result.setScale(Math.max(x.scale(), step.scale()));
    }

    static double roundFloating(double x, double step) {
        if (Math.abs(x) >= Mask.floatingLimit(step)) {
            return x;
        }
        if (Math.abs(x) < step / 2) {
            return 0.0;
        }
        if (x < 0.0) {
            return 0.0 - Math.floor((0.0 - x) / step + 0.5) * step;
        }
        return Math.floor(x / step + 0.5) * step;
    }

    // ---- input conversion ------------------------------------------------------------------------------------

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("not a string: " + value.getClass().getName());
    }

    private static BigInteger integer(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        throw new IllegalArgumentException("not an integer: " + value.getClass().getName());
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(integer(value));
    }

    private static double floating(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        throw new IllegalArgumentException("not a floating-point number: " + value.getClass().getName());
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        throw new IllegalArgumentException("not a byte array: " + value.getClass().getName());
    }

}
