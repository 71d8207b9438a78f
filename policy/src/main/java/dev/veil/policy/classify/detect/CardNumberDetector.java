package dev.veil.policy.classify.detect;

import dev.veil.policy.BuiltinClasses;

/** Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, with a valid Luhn check digit. */
public final class CardNumberDetector implements Detector {

    @Override
    public String id() {
        return "luhn-card";
    }

    @Override
    public String classId() {
        return BuiltinClasses.CARD;
    }

    @Override
    public boolean matches(String value) {
        String digits = Detectors.digitsSeparatedBy(value.strip(), " -");
        if (digits == null || digits.length() < 13 || digits.length() > 19 || digits.charAt(0) == '0') {
            return false;
        }
        if (digits.chars().distinct().count() == 1) {
            return false; // 4444444444444448-style fillers pass Luhn but are not cards; all-equal digits never are
        }
        return luhn(digits);
    }

    /** The Luhn (mod 10) check over a string of digits. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
