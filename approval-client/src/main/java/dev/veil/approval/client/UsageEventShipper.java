package dev.veil.approval.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ships the driver's usage events to the approval server's audit log in batches, on its own daemon thread.
 *
 * <p>{@link #offer} never blocks and never fails: a statement never waits for the audit log. Each batch is sent
 * under its own idempotency key and retried while the server is unavailable ({@link RetryingDelivery}), so it is
 * recorded exactly once even when an answer is lost; meanwhile new events wait in the bounded queue. Events are
 * dropped, counted ({@link #stats()}) and logged when the queue is full, when the server refuses a batch, when it
 * stays unavailable past {@link #HORIZON}, and when they are still queued at close.
 */
public final class UsageEventShipper implements AutoCloseable {

    /**
     * Counters since the shipper started.
     *
     * @param accepted      events taken by {@link #offer}
     * @param shipped       events the server recorded
     * @param dropped       events never recorded: queue full, batch refused or undeliverable within the horizon, not
     *                      serializable, or left at close
     * @param failedBatches batches the server refused or that could not be delivered within the horizon
     */
    public record Stats(long accepted, long shipped, long dropped, long failedBatches) {
    }

    /** How long one batch is retried while the server is unavailable. */
    public static final Duration HORIZON = Duration.ofMinutes(15);

    private static final System.Logger LOG = System.getLogger(UsageEventShipper.class.getName());

    private final HttpTransport transport;
    private final RetryingDelivery delivery;
    private final BlockingQueue<Map<String, Object>> queue;
    private final int maxBatch;
    private final Duration flushInterval;
    private final Thread worker;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile boolean open = true;

    private UsageEventShipper(ApprovalClientConfig config, int capacity, int maxBatch, Duration flushInterval) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive");
        }
        this.transport = new HttpTransport(config, "veil-usage-http");
        this.delivery = new RetryingDelivery(transport, HORIZON);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.flushInterval = flushInterval;
        this.worker = new Thread(this::run, "veil-usage-shipper");
        this.worker.setDaemon(true);
    }

    /**
     * Starts a shipper.
     *
     * @param config        the server and the driver's token
     * @param capacity      how many events may wait; beyond that, new events are dropped
     * @param maxBatch      the most events sent in one call
     * @param flushInterval how long the first event of a batch may wait for company before the batch is sent
     */
    public static UsageEventShipper start(
            ApprovalClientConfig config, int capacity, int maxBatch, Duration flushInterval) {
        UsageEventShipper shipper = new UsageEventShipper(Objects.requireNonNull(config, "config"), capacity,
                maxBatch, Objects.requireNonNull(flushInterval, "flushInterval"));
        shipper.worker.start();
        return shipper;
    }

    /**
     * Queues one event: a JSON object of strings, numbers, booleans, nulls, lists and maps. The map is copied
     * (shallowly); nested values must not change afterwards.
     *
     * @return whether the event was queued; {@code false} when the queue is full or the shipper is closed
     */
    public boolean offer(Map<String, ?> event) {
        if (event == null) {
            return false;
        }
        if (open && queue.offer(new LinkedHashMap<>(event))) {
            accepted.incrementAndGet();
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    public Stats stats() {
        return new Stats(accepted.get(), shipped.get(), dropped.get(), failedBatches.get());
    }

    private void run() {
        List<Map<String, Object>> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                Map<String, Object> first = queue.poll(flushInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                ship(batch);
            } catch (InterruptedException e) {
                break;
            } finally {
                batch.clear();
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        int left = queue.size();
        if (left > 0) {
            LOG.log(System.Logger.Level.WARNING, "veil: {0} usage events were still queued at close; they are"
                    + " dropped", left);
        }
        dropped.addAndGet(left);
        queue.clear();
    }

    private void ship(List<Map<String, Object>> batch) {
        HttpRequest request;
        try {
            request = transport.postJson("usage-events", transport.config().requestTimeout(),
                    new UsageEventBatch(batch), HttpTransport.newKey());
        } catch (HttpTransport.UnwritableBodyException e) {
            shipEachAlone(batch);
            return;
        }
        RetryingDelivery.Result result = delivery.deliver(request, Instant.now(), batch.size() + " usage events",
                () -> { });
        if (result == RetryingDelivery.Result.DELIVERED) {
            shipped.addAndGet(batch.size());
            return;
        }
        failedBatches.incrementAndGet();
        dropped.addAndGet(batch.size());
    }

    /** A batch that cannot be written as JSON: find and drop the offending events, ship the others. */
    private void shipEachAlone(List<Map<String, Object>> batch) {
        List<Map<String, Object>> writable = new ArrayList<>(batch.size());
        for (Map<String, Object> event : batch) {
            try {
                transport.json().writeValueAsBytes(event);
                writable.add(event);
            } catch (IOException e) {
                dropped.incrementAndGet();
            }
        }
        if (!writable.isEmpty() && writable.size() < batch.size()) {
            ship(writable);
        }
    }

    /**
     * Stops taking events, sends what is queued (waiting at most one flush interval plus one request timeout),
     * then stops. Whatever could not be sent by then is counted as dropped.
     */
    @Override
    public void close() {
        open = false;
        try {
            worker.join(flushInterval.plus(transport.config().requestTimeout()).toMillis());
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
        transport.close();
    }
}
