package dev.veil.approval.client;

import java.util.concurrent.CompletableFuture;

/**
 * Ends a wait for approval from another thread: the driver calls {@link #cancel()} from {@code Statement.cancel()}
 * or when the query timeout fires. Once cancelled, it stays cancelled.
 */
public final class CancellationSignal {

    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

    public void cancel() {
        cancelled.complete(null);
    }

    public boolean isCancelled() {
        return cancelled.isDone();
    }

    /** Completes when {@link #cancel()} is called. */
    CompletableFuture<Void> future() {
        return cancelled;
    }
}
