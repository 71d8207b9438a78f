package dev.veil.approval.server.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way Slack does ({@code v0=} HMAC-SHA256 of {@code v0:<timestamp>:<body>} with the app's
 * signing secret) and sends them, so tests exercise the server's real signature verification.
 */
public final class SlackSigner {

    private final String signingSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SlackSigner(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    /** The {@code X-Slack-Signature} value for a body sent at {@code timestampSeconds}. */
    public String signature(long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestampSeconds + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The form body Slack sends for an interaction: {@code payload=<url-encoded JSON>}. */
    public static String interactionBody(String payloadJson) {
        return "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
    }

    /** Posts an interaction payload signed now. */
    public HttpResponse<String> postInteraction(URI endpoint, String payloadJson) {
        String body = interactionBody(payloadJson);
        long now = Instant.now().getEpochSecond();
        return post(endpoint, body, now, signature(now, body));
    }

    /** Posts a form body with the given timestamp and signature headers, exactly as given. */
    public HttpResponse<String> post(URI endpoint, String formBody, long timestampSeconds, String signature) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestampSeconds))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot post to " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to " + endpoint, e);
        }
    }
}
