package dev.veil.policy.classify.detect;

import dev.veil.policy.BuiltinClasses;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * JSON Web Tokens (compact JWS): three base64url segments whose first decodes to a JSON object header naming an
 * {@code alg}.
 */
public final class JwtDetector implements Detector {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
    private static final Pattern ALG = Pattern.compile("\"alg\"\\s*:\\s*\"[^\"]+\"");

    @Override
    public String id() {
        return "jwt";
    }

    @Override
    public String classId() {
        return BuiltinClasses.SECRET;
    }

    @Override
    public boolean matches(String value) {
        String v = value.strip();
        if (!v.startsWith("eyJ") || !SHAPE.matcher(v).matches()) {
            return false;
        }
        String[] parts = v.split("\\.", -1);
        try {
            String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).strip();
            Base64.getUrlDecoder().decode(parts[1]);
            return header.startsWith("{") && header.endsWith("}") && ALG.matcher(header).find();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
