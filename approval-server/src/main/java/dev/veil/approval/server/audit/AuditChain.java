package dev.veil.approval.server.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash that links each audit record to the one before it: SHA-256, or HMAC-SHA256 when a key is configured,
 * over every field of the record (length-prefixed, so that no two records encode alike) and the previous hash.
 */
public final class AuditChain {

    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] DOMAIN = "veil-audit-v1".getBytes(StandardCharsets.UTF_8);

    private static final String HMAC = "HmacSHA256";

    /** Built once: the key never changes, only the Mac (not thread-safe) is made per record. */
    private final SecretKeySpec hmacKey;

    /** @param key the HMAC key, or {@code null} for plain SHA-256 */
    public AuditChain(String key) {
        this.hmacKey = key == null ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** Whether the chain is HMAC-SHA256 under a key rather than plain SHA-256. */
    public boolean keyed() {
        return hmacKey != null;
    }

    public String hash(
            long seq, long recordedAt, String type, String requestId, String actor, String payload, String prevHash) {
        byte[] canonical = canonical(seq, recordedAt, type, requestId, actor, payload, prevHash);
        try {
            byte[] digest;
            if (hmacKey == null) {
                digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            } else {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(hmacKey);
                digest = mac.doFinal(canonical);
            }
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every JDK", e);
        }
    }

    private static byte[] canonical(
            long seq, long recordedAt, String type, String requestId, String actor, String payload, String prevHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (payload == null ? 0 : payload.length()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(DOMAIN);
            out.writeLong(seq);
            out.writeLong(recordedAt);
            for (String field : new String[] {type, requestId, actor, payload, prevHash}) {
                if (field == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
