package dev.veil.approval.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the approval server.
 *
 * @param baseUrl        the server's base URL, e.g. {@code https://approvals.example.com:8470}
 * @param token          the driver's bearer token
 * @param connectTimeout how long to wait for a TCP connection; also how quickly an unreachable server is reported
 * @param requestTimeout how long one ordinary call may take (on top of the long-poll time for a wait)
 * @param longPoll       how long one wait call asks the server to hold before answering "still pending"
 * @param retryDelay     the pause before waiting again after the server could not be reached while waiting
 */
public record ApprovalClientConfig(
        URI baseUrl, String token, Duration connectTimeout, Duration requestTimeout, Duration longPoll,
        Duration retryDelay) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LONG_POLL = Duration.ofSeconds(25);
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(500);

    public ApprovalClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the approval server URL must be an http(s) URL with a host: "
                    + baseUrl);
        }
        if (baseUrl.getUserInfo() != null || baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
            throw new IllegalArgumentException("the approval server URL must not carry user info, a query or a"
                    + " fragment");
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("the approval server token must not be blank");
        }
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
        baseUrl = baseUrl.resolve(path.endsWith("/") ? path : path + "/");
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "requestTimeout");
        longPoll = positive(longPoll, DEFAULT_LONG_POLL, "longPoll");
        retryDelay = positive(retryDelay, DEFAULT_RETRY_DELAY, "retryDelay");
    }

    /** A configuration with the default timeouts. */
    public static ApprovalClientConfig of(URI baseUrl, String token) {
        return new ApprovalClientConfig(baseUrl, token, null, null, null, null);
    }

    public ApprovalClientConfig withConnectTimeout(Duration value) {
        return new ApprovalClientConfig(baseUrl, token, value, requestTimeout, longPoll, retryDelay);
    }

    public ApprovalClientConfig withRequestTimeout(Duration value) {
        return new ApprovalClientConfig(baseUrl, token, connectTimeout, value, longPoll, retryDelay);
    }

    public ApprovalClientConfig withLongPoll(Duration value) {
        return new ApprovalClientConfig(baseUrl, token, connectTimeout, requestTimeout, value, retryDelay);
    }

    public ApprovalClientConfig withRetryDelay(Duration value) {
        return new ApprovalClientConfig(baseUrl, token, connectTimeout, requestTimeout, longPoll, value);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ApprovalClientConfig[baseUrl=" + baseUrl + ", token=<redacted>, connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", longPoll=" + longPoll + ", retryDelay=" + retryDelay + "]";
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
