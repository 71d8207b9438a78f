package dev.veil.approval.client;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Execution outcomes on their way to the audit log: a bounded queue in the driver's memory, delivered in order by
 * one daemon thread, each retried under its own idempotency key until the server records it
 * ({@link RetryingDelivery}). An outcome is never recorded twice, and one that cannot be delivered (queue full,
 * refused, the server unavailable past the horizon, left at close) is counted and logged, never silently lost. The
 * queue lives in memory: outcomes still queued when the driver's process ends are lost with it.
 */
final class OutcomeOutbox implements AutoCloseable {

    /** How long an outcome is retried while the server is unavailable. */
    static final Duration HORIZON = Duration.ofMinutes(15);
    static final int CAPACITY = 10_000;

    private static final System.Logger LOG = System.getLogger(OutcomeOutbox.class.getName());

    /** One outcome to deliver. */
    private record Item(String requestId, HttpRequest request, Instant queuedAt, CompletableFuture<Boolean> done) {
    }

    private final RetryingDelivery delivery;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread worker;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Duration closeGrace;
    private volatile boolean open = true;

    OutcomeOutbox(HttpTransport transport) {
        this.delivery = new RetryingDelivery(transport, HORIZON);
        this.closeGrace = transport.config().requestTimeout();
        this.worker = new Thread(this::run, "veil-outcome-outbox");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues an outcome; the future completes with whether the server recorded it. */
    CompletableFuture<Boolean> offer(String requestId, HttpRequest request) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (!open || !queue.offer(new Item(requestId, request, Instant.now(), done))) {
            dropped.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "veil: the outcome of approval request {0} cannot be queued"
                    + " (the outbox is full or closed); it is dropped", requestId);
            done.complete(false);
            return done;
        }
        accepted.incrementAndGet();
        return done;
    }

    DeliveryStats stats() {
        return new DeliveryStats(accepted.get(), delivered.get(), retries.get(), dropped.get(), queue.size());
    }

    private void run() {
        while (open || !queue.isEmpty()) {
            Item item;
            try {
                item = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (item == null) {
                continue;
            }
            RetryingDelivery.Result result = delivery.deliver(item.request(), item.queuedAt(),
                    "the outcome of approval request " + item.requestId(), retries::incrementAndGet);
            if (result == RetryingDelivery.Result.DELIVERED) {
                delivered.incrementAndGet();
                item.done().complete(true);
            } else {
                dropped.incrementAndGet();
                item.done().complete(false);
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        int left = 0;
        for (Item item; (item = queue.poll()) != null; left++) {
            item.done().complete(false);
        }
        if (left > 0) {
            dropped.addAndGet(left);
            LOG.log(System.Logger.Level.WARNING, "veil: {0} outcomes of approved statements were still undelivered"
                    + " at close; they are dropped", left);
        }
    }

    /** Stops taking outcomes, delivers what is queued for at most one request timeout, then stops. */
    @Override
    public void close() {
        open = false;
        try {
            worker.join(closeGrace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            try {
                worker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
