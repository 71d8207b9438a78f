package dev.veil.policy.mask;

import java.util.Arrays;

/**
 * One mask compiled for text values read one by one (masking in the driver): {@link #apply} returns exactly what
 * {@link ReferenceMasker#apply ReferenceMasker.apply(mask, text, ValueType.STRING)} returns, without its per-value
 * dispatch, and with fast paths for {@code email} and {@code partial} on text without surrogates. Anything else (or
 * any text with surrogates, for {@code partial}) goes through the reference masker itself.
 */
public final class TextMask {

    private static final String STARS = "***";
    private static final String STARS_AT = "***@";

    private final Mask mask;
    private final MaskKind kind;
    private final ReferenceMasker reference;
    private final int keepFirst;
    private final int keepLast;
    /** The pad as one char, or 0 when it is a supplementary character (two chars): then no fast path. */
    private final char pad;

    private TextMask(Mask mask, ReferenceMasker reference) {
        this.mask = mask;
        this.kind = mask.effectiveFor(ValueType.STRING).kind();
        this.reference = reference;
        this.keepFirst = mask.keepFirst();
        this.keepLast = mask.keepLast();
        this.pad = mask.pad() != null && mask.pad().length() == 1 ? mask.pad().charAt(0) : 0;
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
            case PARTIAL -> pad != 0 ? partial(text) : reference(text);
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

    /** Text without surrogates has one code point per char: keep and pad by chars, in one array. */
    private String partial(String text) {
        char[] chars = text.toCharArray();
        for (char c : chars) {
            if (Character.isSurrogate(c)) {
                return reference(text);
            }
        }
        int length = chars.length;
        if (length <= keepFirst + keepLast) {
            Arrays.fill(chars, pad);
        } else {
            Arrays.fill(chars, keepFirst, length - keepLast, pad);
        }
        return new String(chars);
    }

    private String reference(String text) {
        return (String) reference.apply(mask, text, ValueType.STRING);
    }
}
