package dev.veil.policy.classify.detect;

import dev.veil.policy.BuiltinClasses;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM-encoded private keys ({@code -----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED ]PRIVATE KEY-----}) with a matching
 * END line and a body that decodes as base64. Text that merely mentions such a header does not validate.
 */
public final class PemPrivateKeyDetector implements Detector {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----\\s*(.*?)\\s*-----END \\1-----",
            Pattern.DOTALL);

    @Override
    public String id() {
        return "pem-private-key";
    }

    @Override
    public String classId() {
        return BuiltinClasses.SECRET;
    }

    @Override
    public boolean matches(String value) {
        Matcher m = PEM.matcher(value);
        if (!m.find()) {
            return false;
        }
        String body = m.group(2);
        // Encrypted legacy PEM has "Proc-Type:" headers before a blank line; the base64 follows them.
        int headersEnd = body.indexOf("\n\n");
        if (body.startsWith("Proc-Type:") && headersEnd > 0) {
            body = body.substring(headersEnd);
        }
        String base64 = body.replaceAll("\\s", "");
        if (base64.length() < 32) {
            return false;
        }
        try {
            Base64.getDecoder().decode(base64);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
