package dev.veil.policy.classify.detect;

import dev.veil.policy.BuiltinClasses;

/**
 * E-mail addresses: an RFC 5322 dot-atom local part (Unicode letters allowed, as RFC 6531 does) of at most 64
 * characters, and a domain of at least two labels of letters, digits and inner hyphens with an alphabetic top-level
 * label; at most 254 characters. Quoted local parts and address literals are not accepted. An address in the form
 * Veil's e-mail mask gives ({@code j***@example.com}: at most one character, then {@code ***}) is not one: a column
 * that received masked addresses (a masked read written back under a neutral name) holds no e-mail, and classifying
 * it as one would refuse the next write of the same rows.
 */
public final class EmailDetector implements Detector {

    private static final String ATOM_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    @Override
    public String id() {
        return "email-syntax";
    }

    @Override
    public String classId() {
        return BuiltinClasses.EMAIL;
    }

    @Override
    public boolean matches(String value) {
        String v = value.strip();
        int at = v.lastIndexOf('@');
        if (v.length() > 254 || at < 1 || at != v.indexOf('@')) {
            return false;
        }
        String local = v.substring(0, at);
        return !maskedByVeil(local) && localPart(local) && domain(v.substring(at + 1));
    }

    /** {@code ***} after at most one code point: what the e-mail mask leaves of a local part. */
    private static boolean maskedByVeil(String local) {
        return local.endsWith("***") && local.codePointCount(0, local.length() - 3) <= 1;
    }

    private static boolean localPart(String local) {
        if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints().allMatch(cp -> cp == '.' || Character.isLetterOrDigit(cp)
                || cp < 128 && ATOM_SPECIALS.indexOf(cp) >= 0);
    }

    private static boolean domain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.codePoints().allMatch(cp -> cp == '-' || Character.isLetterOrDigit(cp))) {
                return false;
            }
        }
        String top = labels[labels.length - 1];
        return top.length() >= 2 && (top.codePoints().allMatch(Character::isLetter) || top.startsWith("xn--"));
    }
}
