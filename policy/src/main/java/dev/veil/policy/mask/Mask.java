package dev.veil.policy.mask;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A mask function and its parameters. Parameters that do not belong to the kind are zero/null.
 *
 * <p>A mask that does not apply to a column's value type degrades to {@link MaskKind#REDACT} (see
 * {@link #effectiveFor(ValueType)}), so that classifying a column never leaves it unmasked.
 *
 * @param kind      the function
 * @param keepFirst PARTIAL: characters (code points) kept at the start
 * @param keepLast  PARTIAL: characters (code points) kept at the end
 * @param pad       PARTIAL: the padding character (one code point)
 * @param step      ROUND: the positive step to round to
 */
public record Mask(MaskKind kind, int keepFirst, int keepLast, String pad, BigDecimal step) {

    public static final int DEFAULT_KEEP_FIRST = 0;
    public static final int DEFAULT_KEEP_LAST = 4;
    public static final String DEFAULT_PAD = "*";
    public static final BigDecimal DEFAULT_STEP = BigDecimal.TEN;
    /** Largest step accepted: keeps every intermediate of integer rounding inside 64 bits. */
    public static final BigDecimal MAX_STEP = new BigDecimal("1000000000000000000");
    /** Smallest step accepted: keeps the step and half of it normal doubles, far from underflow. */
    public static final BigDecimal MIN_STEP = new BigDecimal("0.000000000001");
    /** Longest kept prefix or suffix. */
    public static final int MAX_KEEP = 1000;

    public Mask {
        Objects.requireNonNull(kind, "kind");
        if (kind == MaskKind.PARTIAL) {
            if (keepFirst < 0 || keepLast < 0 || keepFirst > MAX_KEEP || keepLast > MAX_KEEP) {
                throw new IllegalArgumentException("keepFirst and keepLast must be between 0 and " + MAX_KEEP);
            }
            Objects.requireNonNull(pad, "pad");
            if (!isValidPad(pad)) {
                throw new IllegalArgumentException("pad must be one printable character");
            }
        } else if (keepFirst != 0 || keepLast != 0 || pad != null) {
            throw new IllegalArgumentException("keepFirst, keepLast and pad belong to the partial mask");
        }
        if (kind == MaskKind.ROUND) {
            Objects.requireNonNull(step, "step");
            if (step.compareTo(MIN_STEP) < 0 || step.compareTo(MAX_STEP) > 0) {
                throw new IllegalArgumentException("step must be between " + MIN_STEP.toPlainString() + " and "
                        + MAX_STEP.toPlainString());
            }
            step = step.stripTrailingZeros();
            if (step.scale() < 0) {
                step = step.setScale(0);
            }
        } else if (step != null) {
            throw new IllegalArgumentException("step belongs to the round mask");
        }
    }

    public static Mask redact() {
        return new Mask(MaskKind.REDACT, 0, 0, null, null);
    }

    public static Mask nullify() {
        return new Mask(MaskKind.NULL, 0, 0, null, null);
    }

    public static Mask partial(int keepFirst, int keepLast, String pad) {
        return new Mask(MaskKind.PARTIAL, keepFirst, keepLast, pad, null);
    }

    public static Mask email() {
        return new Mask(MaskKind.EMAIL, 0, 0, null, null);
    }

    public static Mask hash() {
        return new Mask(MaskKind.HASH, 0, 0, null, null);
    }

    public static Mask year() {
        return new Mask(MaskKind.YEAR, 0, 0, null, null);
    }

    public static Mask round(BigDecimal step) {
        return new Mask(MaskKind.ROUND, 0, 0, null, step);
    }

    /** The mask with the kind's default parameters. */
    public static Mask defaultOf(MaskKind kind) {
        return switch (kind) {
            case PARTIAL -> partial(DEFAULT_KEEP_FIRST, DEFAULT_KEEP_LAST, DEFAULT_PAD);
            case ROUND -> round(DEFAULT_STEP);
            default -> new Mask(kind, 0, 0, null, null);
        };
    }

    /** This mask if it applies to {@code type}, otherwise {@link #redact()}. */
    public Mask effectiveFor(ValueType type) {
        return kind.appliesTo(type) ? this : redact();
    }

    /** Whether ROUND on an INTEGER column keeps integers (the step is a whole number). */
    boolean integralStep() {
        return step != null && step.scale() <= 0;
    }

    /**
     * Where {@code round} on doubles stops: from 2^52 steps on, a double's precision is about a step or coarser, and
     * such values are returned as they are.
     */
    static double floatingLimit(double step) {
        return step * 0x1p52;
    }

    /** One code point that prints: a space or a visible character, not a control, format or unassigned one. */
    public static boolean isValidPad(String pad) {
        if (pad.isEmpty() || pad.codePointCount(0, pad.length()) != 1) {
            return false;
        }
        int cp = pad.codePointAt(0);
        if (cp == ' ') {
            return true;
        }
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && !Character.isWhitespace(cp) && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.FORMAT && type != Character.PRIVATE_USE;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PARTIAL -> "partial(keepFirst=" + keepFirst + ", keepLast=" + keepLast + ", pad='" + pad + "')";
            case ROUND -> "round(step=" + step.toPlainString() + ")";
            default -> kind.id();
        };
    }
}
