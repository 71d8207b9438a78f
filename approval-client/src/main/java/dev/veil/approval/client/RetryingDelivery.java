package dev.veil.approval.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one idempotent POST until the server records it, refuses it, or the delivery horizon passes. Connection
 * failures and answers that mean "unavailable" ({@code 408}, {@code 429}, {@code 5xx}) are retried with a doubling
 * pause (from the client's {@code retryDelay}, at most {@link #MAX_PAUSE}); each retry carries the same
 * idempotency key, so the server records the call exactly once however many times it arrives.
 */
final class RetryingDelivery {

    /** How a delivery ended. */
    enum Result {
        /** The server recorded it (or had recorded it before: a retry of a call whose answer was lost). */
        DELIVERED,
        /** The server refused it for good (4xx): sending it again would not help. */
        REFUSED,
        /** The server stayed unavailable until the horizon passed, or the sender was interrupted (closing). */
        GAVE_UP
    }

    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(RetryingDelivery.class.getName());

    private final HttpTransport transport;
    private final Duration horizon;

    RetryingDelivery(HttpTransport transport, Duration horizon) {
        this.transport = transport;
        this.horizon = horizon;
    }

    /**
     * Delivers {@code request} (built with its idempotency key), retrying from {@code since}.
     *
     * @param what     words for the log, e.g. "the outcome of req_…"
     * @param onRetry  called before each retry
     */
    Result deliver(HttpRequest request, Instant since, String what, Runnable onRetry) {
        Duration pause = transport.config().retryDelay();
        while (true) {
            String failure;
            try {
                HttpResponse<byte[]> response = transport.http().send(request,
                        HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return Result.DELIVERED;
                }
                if (!HttpTransport.retryable(status)) {
                    LOG.log(System.Logger.Level.WARNING, "veil: the approval service refused {0} ({1}); it is"
                            + " dropped", what, transport.errorText(response));
                    return Result.REFUSED;
                }
                failure = transport.errorText(response);
            } catch (IOException e) {
                failure = HttpTransport.describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.GAVE_UP;
            }
            if (Instant.now().plus(pause).isAfter(since.plus(horizon))) {
                LOG.log(System.Logger.Level.WARNING, "veil: {0} could not be delivered within {1} ({2}); it is"
                        + " dropped", what, horizon, failure);
                return Result.GAVE_UP;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.GAVE_UP;
            }
            onRetry.run();
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }
}
