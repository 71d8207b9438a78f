package dev.veil.policy.classify.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.veil.policy.BuiltinClasses;

/**
 * Telephone numbers as libphonenumber validates them: international numbers ({@code +} or {@code 00} prefix) for
 * any country, national numbers for the detector's default region (US unless configured). Only text made of digits
 * and the usual punctuation is considered, with 7 to 15 digits.
 */
public final class PhoneNumberDetector implements Detector {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public PhoneNumberDetector() {
        this("US");
    }

    /** @param defaultRegion ISO 3166 region for numbers written without a country code */
    public PhoneNumberDetector(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    @Override
    public String id() {
        return "libphonenumber";
    }

    @Override
    public String classId() {
        return BuiltinClasses.PHONE;
    }

    @Override
    public boolean matches(String value) {
        String v = value.strip();
        if (v.startsWith("00")) {
            v = "+" + v.substring(2);
        }
        String digits = Detectors.digitsSeparatedBy(v, "+-. ()/");
        if (digits == null || digits.length() < 7 || digits.length() > 15 || v.lastIndexOf('+') > 0) {
            return false;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(v, v.startsWith("+") ? "ZZ" : defaultRegion);
            return PHONES.isValidNumber(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
