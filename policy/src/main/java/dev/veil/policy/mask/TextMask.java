package dev.veil.policy.mask;

/**
 * One mask compiled for text values read one by one (masking in the driver): {@link #apply} returns exactly what
 * {@link ReferenceMasker#apply ReferenceMasker.apply(mask, text, ValueType.STRING)} returns, without its per-value
 * dispatch, and with fast paths for {@code email} and for {@code partial} on text without surrogate pairs. Anything
 * else (or text with surrogate pairs, for {@code partial}) goes through the reference masker itself.
 */
public final class TextMask {

    private static final String STARS = "***";
    private static final String STARS_AT = "***@";
    /** Runs of the pad kept per mask: up to this length (longer ones are made per value). */
    private static final int PADDINGS = 64;

    private final Mask mask;
    private final MaskKind kind;
    private final ReferenceMasker reference;
    private final int keepFirst;
    private final int keepLast;
    /** PARTIAL: the pad, and runs of it by length. */
    private final String pad;
    private final String[] paddings;

    private TextMask(Mask mask, ReferenceMasker reference) {
        this.mask = mask;
        this.kind = mask.effectiveFor(ValueType.STRING).kind();
        this.reference = reference;
        this.keepFirst = mask.keepFirst();
        this.keepLast = mask.keepLast();
        this.pad = mask.pad();
        this.paddings = new String[pad == null ? 0 : PADDINGS];
    }

    /** {@code mask} for text, falling back to {@code reference} where there is no fast path. */
    public static TextMask of(Mask mask, ReferenceMasker reference) {
        return new TextMask(mask, reference);
    }

    /** The masked text (NULL stays NULL; the {@code null} mask gives NULL). */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        return switch (kind) {
            case NULL -> null;
            case REDACT -> STARS;
            case EMAIL -> email(text);
            case PARTIAL -> partial(text);
            default -> reference(text);
        };
    }

    /** The first code point of the local part (none when the text starts with '@'), "***@", the last domain. */
    private static String email(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return STARS;
        }
        String domain = text.substring(at + 1);
        char first = text.charAt(0);
        if (first == '@') {
            return STARS_AT.concat(domain);
        }
        if (Character.isHighSurrogate(first) && text.length() > 1 && Character.isLowSurrogate(text.charAt(1))) {
            return text.substring(0, 2) + STARS_AT + domain;
        }
        return first + STARS_AT + domain;
    }

    /**
     * Text whose every char is a code point of its own (always so for text the JVM stores as Latin-1, where counting
     * code points costs nothing) is kept and padded by chars; text with surrogate pairs goes to the reference.
     */
    private String partial(String text) {
        int length = text.length();
        if (text.codePointCount(0, length) != length) {
            return reference(text);
        }
        if (length <= keepFirst + keepLast) {
            return padding(length);
        }
        String padded = padding(length - keepFirst - keepLast).concat(text.substring(length - keepLast));
        return keepFirst == 0 ? padded : text.substring(0, keepFirst).concat(padded);
    }

    /** The pad repeated {@code count} times; short runs are made once per mask. */
    private String padding(int count) {
        if (count >= paddings.length) {
            return pad.repeat(count);
        }
        String run = paddings[count];
        if (run == null) {
            // a race makes the same immutable string twice, harmlessly
            run = pad.repeat(count);
            paddings[count] = run;
        }
        return run;
    }

    private String reference(String text) {
        return (String) reference.apply(mask, text, ValueType.STRING);
    }
}
