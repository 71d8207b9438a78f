package dev.veil.policy.mask;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the {@code hash} mask, and the session secrets that let a database compute the same HMAC without the
 * key ever appearing in SQL text.
 *
 * <p>The configured key ({@code veil.hashKey} / {@code VEIL_HASH_KEY}) is never used directly: the mask key is
 * {@code HMAC-SHA256(configured key, "veil mask hash v1")}. HMAC-SHA256 with that mask key {@code k} is
 * {@code SHA256((k ⊕ opad) ‖ SHA256((k ⊕ ipad) ‖ message))}; the two padded keys are the session secrets. The
 * driver installs them once per connection with bind parameters ({@link #sessionSetup(MaskDialect)}), and the rendered
 * SQL reads them back from session state. Every rendered hash expression also carries a fingerprint,
 * {@code SHA256(ipadKey ‖ opadKey)}: when a client replaces the session secrets with values of its own choosing the
 * fingerprint no longer matches and the expression yields NULL instead of a hash under a key the client knows.
 */
public final class HashKey {

    /** Shortest accepted configured key, in UTF-8 bytes. */
    public static final int MIN_KEY_BYTES = 16;

    /** Session-state names reserved for the secrets; the driver refuses client statements that mention them. */
    public static final String RESERVED_PREFIX = "veil";

    /** The integer form of a hash: the first 8 HMAC bytes, as a 64-bit integer, with the top four bits cleared. */
    public static final long INTEGER_HASH_BITS = 0x0FFF_FFFF_FFFF_FFFFL;

    private static final byte[] DERIVATION_LABEL = "veil mask hash v1".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK = 64;

    private final byte[] maskKey;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final byte[] fingerprint;

    private HashKey(byte[] configuredKey) {
        this.maskKey = hmac(configuredKey, DERIVATION_LABEL);
        this.innerPad = new byte[BLOCK];
        this.outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < maskKey.length ? maskKey[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        this.fingerprint = sha256(concat(innerPad, outerPad));
    }

    /**
     * The key from its configured text (UTF-8).
     *
     * @throws IllegalArgumentException if it is shorter than {@link #MIN_KEY_BYTES} bytes
     */
    public static HashKey of(String configured) {
        byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("veil: the hash key must be at least " + MIN_KEY_BYTES
                    + " bytes long (it has " + bytes.length + ")");
        }
        return new HashKey(bytes);
    }

    /** HMAC-SHA256 of {@code message} under the mask key. */
    public byte[] hmac(byte[] message) {
        return hmac(maskKey, message);
    }

    /**
     * The statement that installs the session secrets on a new connection, with its parameter values. It must run
     * as a prepared statement with bind parameters (server-side prepared on MariaDB, so the values never travel in
     * statement text), outside any transaction the client could roll back, before the first masked statement.
     */
    public SessionSetup sessionSetup(MaskDialect dialect) {
        return dialect.hashSecretsSetup(innerPad.clone(), outerPad.clone());
    }

    /** The session-state names holding the secrets in {@code dialect}, as they appear in SQL. */
    public static List<String> reservedNames(MaskDialect dialect) {
        return dialect.hashSecretNames();
    }

    String fingerprintHex() {
        return hex(fingerprint);
    }

    @Override
    public String toString() {
        return "HashKey[redacted]";
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
