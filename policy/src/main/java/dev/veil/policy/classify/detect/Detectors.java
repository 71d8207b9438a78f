package dev.veil.policy.classify.detect;

import java.util.List;

/** The built-in content detectors, in order of precedence when two match the same share of samples. */
public final class Detectors {

    private static final List<Detector> ALL = List.of(
            new PemPrivateKeyDetector(),
            new JwtDetector(),
            new CloudAccessKeyDetector(),
            new EmailDetector(),
            new IbanDetector(),
            new CardNumberDetector(),
            new SsnDetector(),
            new IpAddressDetector(),
            new PhoneNumberDetector());

    private Detectors() {
    }

    public static List<Detector> all() {
        return ALL;
    }

    /** Digits of {@code value} when it holds only digits and the given separators, else null. */
    static String digitsSeparatedBy(String value, String separators) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (separators.indexOf(c) < 0) {
                return null;
            }
        }
        return digits.toString();
    }
}
