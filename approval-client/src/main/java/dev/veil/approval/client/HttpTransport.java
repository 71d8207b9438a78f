package dev.veil.approval.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The HTTP side of the client: one {@link HttpClient} on daemon threads, JSON bodies, the bearer token. */
final class HttpTransport implements AutoCloseable {

    static final String API_PREFIX = "api/v1/";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ApprovalClientConfig config;
    private final ObjectMapper json = ApprovalJson.mapper(false);
    private final ExecutorService executor;
    private final HttpClient http;

    HttpTransport(ApprovalClientConfig config, String threadName) {
        this.config = config;
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    ApprovalClientConfig config() {
        return config;
    }

    ObjectMapper json() {
        return json;
    }

    HttpClient http() {
        return http;
    }

    URI endpoint(String path) {
        return config.baseUrl().resolve(API_PREFIX + path);
    }

    HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(endpoint(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + config.token())
                .header("Accept", "application/json")
                .header("User-Agent", "veil-approval-client");
    }

    /**
     * A POST of {@code body} as JSON to {@code path}.
     *
     * @throws UnwritableBodyException when {@code body} cannot be written as JSON
     */
    HttpRequest postJson(String path, Duration timeout, Object body) {
        return postJson(path, timeout, body, null);
    }

    /**
     * A POST of {@code body} as JSON to {@code path} under an idempotency key: the server records a call with a
     * key it has seen before only once, so the call may be retried.
     *
     * @param key the {@code Idempotency-Key}, or {@code null} for none
     * @throws UnwritableBodyException when {@code body} cannot be written as JSON
     */
    HttpRequest postJson(String path, Duration timeout, Object body, String key) {
        // written before the request is built, so that an unwritable body is reported as such, first
        HttpRequest.BodyPublisher serialized = jsonBody(body);
        HttpRequest.Builder builder = request(path, timeout).header("Content-Type", "application/json");
        if (key != null) {
            builder.header(IDEMPOTENCY_KEY, key);
        }
        return builder.POST(serialized).build();
    }

    /** A fresh idempotency key: one per call that may be retried, the same for each of its retries. */
    static String newKey() {
        return java.util.UUID.randomUUID().toString();
    }

    /** Whether a failed call may succeed when sent again: the server or a proxy in front of it is unavailable. */
    static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status / 100 == 5;
    }

    private HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UnwritableBodyException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A body Jackson cannot write. Its own type so that a caller can recover from exactly this, and not from
     * another {@code IllegalArgumentException} of building the request (e.g. a token unfit for a header).
     */
    static final class UnwritableBodyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnwritableBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server's own error text for a failed call, or the status code when it sent none. */
    String errorText(HttpResponse<byte[]> response) {
        try {
            ApiError error = json.readValue(response.body(), ApiError.class);
            if (error != null && error.error() != null && !error.error().isBlank()) {
                return "HTTP " + response.statusCode() + ": " + error.error();
            }
        } catch (IOException | RuntimeException e) {
            // not our JSON: a proxy or another server answered
        }
        return "HTTP " + response.statusCode();
    }

    /** Words for a failed exchange; {@code ConnectException} and friends often carry no message. */
    static String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no response in time";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
