package dev.veil.policy.classify.detect;

import dev.veil.policy.BuiltinClasses;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers written {@code AAA-GG-SSSS} (or with spaces), with the SSA's rules: area not 000, 666
 * or 900-999, group not 00, serial not 0000. Nine bare digits are not accepted: too many other identifiers look so.
 */
public final class SsnDetector implements Detector {

    private static final Pattern FORMAT = Pattern.compile("(\\d{3})([- ])(\\d{2})\\2(\\d{4})");

    @Override
    public String id() {
        return "ssn-area-group";
    }

    @Override
    public String classId() {
        return BuiltinClasses.SSN;
    }

    @Override
    public boolean matches(String value) {
        Matcher m = FORMAT.matcher(value.strip());
        if (!m.matches()) {
            return false;
        }
        int area = Integer.parseInt(m.group(1));
        int group = Integer.parseInt(m.group(3));
        int serial = Integer.parseInt(m.group(4));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }
}
