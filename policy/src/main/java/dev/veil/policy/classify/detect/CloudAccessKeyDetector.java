package dev.veil.policy.classify.detect;

import dev.veil.policy.BuiltinClasses;
import java.util.regex.Pattern;

/**
 * Cloud and service credentials recognizable by their structure: AWS access key ids (a documented four-letter
 * prefix and 16 base-32 characters), Google API keys ({@code AIza} and 35 URL-safe characters), GitHub tokens
 * ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_} and 36 alphanumerics), Slack tokens
 * ({@code xoxb-}, {@code xoxp-}...) and Stripe live secret keys.
 */
public final class CloudAccessKeyDetector implements Detector {

    private static final Pattern KEYS = Pattern.compile(String.join("|",
            "(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z2-7]{16}",
            "AIza[0-9A-Za-z_-]{35}",
            "gh[pousr]_[A-Za-z0-9]{36}",
            "xox[abposr]-[0-9A-Za-z-]{10,}",
            "[sr]k_live_[0-9A-Za-z]{24,}"));

    @Override
    public String id() {
        return "cloud-access-key";
    }

    @Override
    public String classId() {
        return BuiltinClasses.SECRET;
    }

    @Override
    public boolean matches(String value) {
        return KEYS.matcher(value.strip()).matches();
    }
}
