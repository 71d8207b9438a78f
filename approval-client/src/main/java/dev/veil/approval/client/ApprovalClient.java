package dev.veil.approval.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Asks the approval server whether a statement may run and waits for the answer.
 *
 * <p>{@link #requestAndAwait} creates the request (the server answers at once when an approval window for the same
 * statement and requester is open, or joins a pending request for them), then long-polls until a reviewer decides,
 * the request expires, the deadline passes or the caller cancels. Each wait call renews this driver's lease on the
 * request; when the wait ends without a decision the driver withdraws (a request nobody waits for is never approved,
 * and a lapsed lease withdraws it on the server too). While waiting it survives the server going away for a while (a
 * restart, a failover): it reconnects and resumes waiting on the same request. Creating the request is tried
 * {@value #CREATE_ATTEMPTS} times under one idempotency key (a server restarting drops connections), then fails, so
 * that a statement never hangs on a dead service.
 *
 * <p>Outcomes go through a bounded outbox that retries each one under its own idempotency key until the server
 * records it ({@link #deliveryStats()}).
 *
 * <p>Thread-safe; one instance per server is meant to be shared by all connections.
 */
public final class ApprovalClient implements AutoCloseable {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** A wait that comes back "pending" sooner than this was not held by the server: pause before asking again. */
    private static final Duration UNHELD_ANSWER = Duration.ofMillis(100);

    /** How often creating a request is tried when the server cannot be reached or answers "unavailable". */
    static final int CREATE_ATTEMPTS = 3;

    private final HttpTransport transport;
    private final OutcomeOutbox outcomes;

    public ApprovalClient(ApprovalClientConfig config) {
        this.transport = new HttpTransport(Objects.requireNonNull(config, "config"), "veil-approval-client");
        this.outcomes = new OutcomeOutbox(transport);
    }

    public ApprovalClientConfig config() {
        return transport.config();
    }

    /**
     * Requests approval for a statement and waits for the decision.
     *
     * @param request  what is to be approved
     * @param deadline when to stop waiting (the earlier of the query timeout and {@code veil.approval.timeout})
     * @param cancel   ends the wait when cancelled from another thread
     * @return the decision: approved, rejected (with the reviewer and reason) or expired
     * @throws ApprovalCancelledException   the caller cancelled or the deadline passed before a decision
     * @throws ApprovalUnavailableException the server could not be reached to create the request, refused the
     *                                      driver's token, failed, or stayed unreachable until the deadline
     */
    public Decision requestAndAwait(ApprovalRequest request, Instant deadline, CancellationSignal cancel)
            throws ApprovalCancelledException, ApprovalUnavailableException {
        return requestAndAwait(request, deadline, cancel, id -> { });
    }

    /**
     * As {@link #requestAndAwait(ApprovalRequest, Instant, CancellationSignal)}, telling {@code onCreated} the id of
     * each request the server creates for it (so a caller that does not wait itself can say which request to review).
     */
    public Decision requestAndAwait(ApprovalRequest request, Instant deadline, CancellationSignal cancel,
                                    java.util.function.Consumer<String> onCreated)
            throws ApprovalCancelledException, ApprovalUnavailableException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(cancel, "cancel");
        while (true) {
            String waiter = HttpTransport.newKey();
            RequestStatus created = create(request, waiter, deadline, cancel);
            onCreated.accept(created.id());
            RequestStatus decided;
            try {
                decided = created.state() == ApprovalState.PENDING
                        ? await(created.id(), waiter, deadline, cancel) : created;
            } catch (ApprovalCancelledException | ApprovalUnavailableException e) {
                withdraw(created.id(), waiter);
                throw e;
            }
            if (decided.decision().isPresent()) {
                return decided.decision().get();
            }
            // withdrawn while this driver still waited (its lease lapsed while the server was unreachable): the
            // request can never be approved, so ask again, under a new key
        }
    }

    /**
     * Tells the server that this driver stops waiting, so that the request is withdrawn (unless another driver
     * waits on it). Best effort and asynchronous: should it not arrive, the driver's lease lapses and the server
     * withdraws the request itself.
     */
    private void withdraw(String requestId, String waiter) {
        try {
            HttpRequest httpRequest = transport.request("requests/" + requestId + "/withdraw?waiter=" + waiter,
                            transport.config().requestTimeout())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            transport.http().sendAsync(httpRequest, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            // the lease does it
        }
    }

    /** What became of the outcomes reported so far. */
    public DeliveryStats deliveryStats() {
        return outcomes.stats();
    }

    /**
     * Reports what happened when an approved statement ran, for the audit log. Asynchronous and never failing: the
     * outcome is queued in the outbox, which delivers it exactly once, retrying while the server is unavailable.
     * The future completes with {@code true} when the server recorded it and {@code false} when it was dropped
     * (counted in {@link #deliveryStats()} and logged).
     */
    public CompletableFuture<Boolean> reportOutcome(String requestId, ExecutionOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            return CompletableFuture.completedFuture(false);
        }
        HttpRequest httpRequest;
        try {
            httpRequest = transport.postJson("requests/" + requestId + "/outcome",
                    transport.config().requestTimeout(), outcome, HttpTransport.newKey());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(false);
        }
        return outcomes.offer(requestId, httpRequest);
    }

    private RequestStatus create(ApprovalRequest request, String key, Instant deadline, CancellationSignal cancel)
            throws ApprovalCancelledException, ApprovalUnavailableException {
        HttpRequest httpRequest = transport.postJson("requests", transport.config().requestTimeout(), request,
                key);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= CREATE_ATTEMPTS;
            HttpResponse<byte[]> response;
            try {
                response = exchange(httpRequest, deadline, cancel, null);
            } catch (IOException e) {
                // e.g. a connection the restarting server dropped ("header parser received no bytes"): the same
                // key makes a repeated create return the request the first one made
                if (last) {
                    throw new ApprovalUnavailableException("the approval service at " + transport.config().baseUrl()
                            + " cannot be reached: " + HttpTransport.describe(e), null, e);
                }
                pause(transport.config().retryDelay(), deadline, cancel, null);
                continue;
            }
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                return readStatus(response, null);
            }
            if (last || !HttpTransport.retryable(status)) {
                throw new ApprovalUnavailableException("the approval service refused the request ("
                        + transport.errorText(response) + ")", null, null);
            }
            pause(transport.config().retryDelay(), deadline, cancel, null);
        }
    }

    /** Waits until the request is decided or withdrawn; returns its status then. */
    private RequestStatus await(String requestId, String waiter, Instant deadline, CancellationSignal cancel)
            throws ApprovalCancelledException, ApprovalUnavailableException {
        String lastFailure = null;
        Throwable lastCause = null;
        while (true) {
            Duration remaining = Duration.between(Instant.now(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                if (lastFailure != null) {
                    throw new ApprovalUnavailableException("the approval service at "
                            + transport.config().baseUrl() + " could not be reached until the deadline ("
                            + lastFailure + ")", requestId, lastCause);
                }
                throw new ApprovalCancelledException(ApprovalCancelledException.Reason.DEADLINE, requestId);
            }
            long holdSeconds = Math.min(transport.config().longPoll().toSeconds(), remaining.toSeconds());
            HttpRequest httpRequest = transport.request(
                            "requests/" + requestId + "/decision?waitSeconds=" + holdSeconds + "&waiter=" + waiter,
                            transport.config().requestTimeout().plusSeconds(holdSeconds))
                    .GET()
                    .build();
            Instant asked = Instant.now();
            HttpResponse<byte[]> response;
            try {
                response = exchange(httpRequest, deadline, cancel, requestId);
            } catch (IOException e) {
                lastFailure = HttpTransport.describe(e);
                lastCause = e;
                pause(transport.config().retryDelay(), deadline, cancel, requestId);
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                RequestStatus current = readStatus(response, requestId);
                if (current.state() != ApprovalState.PENDING) {
                    return current;
                }
                lastFailure = null;
                lastCause = null;
                if (holdSeconds == 0 || Duration.between(asked, Instant.now()).compareTo(UNHELD_ANSWER) < 0) {
                    pause(transport.config().retryDelay(), deadline, cancel, requestId);
                }
            } else if (status == 404) {
                throw new ApprovalUnavailableException("the approval service has no record of request " + requestId
                        + " any more: the request was lost (the server's store was reset, replaced or restored from"
                        + " an older copy); the statement did not run, run it again to ask for approval anew",
                        requestId, null);
            } else if (status == 401 || status == 403) {
                throw new ApprovalUnavailableException("the approval service refused to report on the request ("
                        + transport.errorText(response) + ")", requestId, null);
            } else {
                // 5xx from the server or a proxy in front of it while it restarts: keep waiting
                lastFailure = transport.errorText(response);
                lastCause = null;
                pause(transport.config().retryDelay(), deadline, cancel, requestId);
            }
        }
    }

    /**
     * Sends one request and waits for its response, the deadline or the cancellation, whichever comes first.
     *
     * @throws IOException the exchange failed (unreachable, timed out, connection lost)
     */
    private HttpResponse<byte[]> exchange(
            HttpRequest httpRequest, Instant deadline, CancellationSignal cancel, String requestId)
            throws IOException, ApprovalCancelledException {
        if (cancel.isCancelled()) {
            throw new ApprovalCancelledException(ApprovalCancelledException.Reason.CANCELLED, requestId);
        }
        CompletableFuture<HttpResponse<byte[]>> sent =
                transport.http().sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        try {
            CompletableFuture.anyOf(sent, cancel.future()).get(millisUntil(deadline), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new ApprovalCancelledException(ApprovalCancelledException.Reason.DEADLINE, requestId);
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApprovalCancelledException(ApprovalCancelledException.Reason.CANCELLED, requestId);
        } catch (ExecutionException e) {
            // the exchange failed; inspected below
        }
        if (cancel.isCancelled()) {
            sent.cancel(true);
            throw new ApprovalCancelledException(ApprovalCancelledException.Reason.CANCELLED, requestId);
        }
        try {
            return sent.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(HttpTransport.describe(cause), cause);
        }
    }

    /** Sleeps, but no longer than until the deadline and not past a cancellation. */
    private static void pause(Duration delay, Instant deadline, CancellationSignal cancel, String requestId)
            throws ApprovalCancelledException {
        long millis = Math.min(delay.toMillis(), millisUntil(deadline));
        try {
            cancel.future().get(millis, TimeUnit.MILLISECONDS);
            throw new ApprovalCancelledException(ApprovalCancelledException.Reason.CANCELLED, requestId);
        } catch (TimeoutException e) {
            // slept the full delay
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApprovalCancelledException(ApprovalCancelledException.Reason.CANCELLED, requestId);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a cancellation signal never fails", e);
        }
    }

    private RequestStatus readStatus(HttpResponse<byte[]> response, String expectedId)
            throws ApprovalUnavailableException {
        RequestStatus status;
        try {
            status = transport.json().readValue(response.body(), RequestStatus.class);
        } catch (IOException | RuntimeException e) {
            throw new ApprovalUnavailableException("the approval service sent a response that is not a request"
                    + " status", expectedId, e);
        }
        if (status == null || !REQUEST_ID.matcher(status.id()).matches()
                || (expectedId != null && !expectedId.equals(status.id()))) {
            throw new ApprovalUnavailableException("the approval service sent the status of another request",
                    expectedId, null);
        }
        return status;
    }

    private static long millisUntil(Instant deadline) {
        return Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }

    /** Delivers the outcomes still queued (for at most one request timeout), then closes the connections. */
    @Override
    public void close() {
        outcomes.close();
        transport.close();
    }
}
