package dev.veil.driver.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends usage events to a file, one JSON object per line, from a daemon thread. Statements only enqueue: when the
 * bounded queue is full, or the file cannot be written, events are dropped and counted — an audit problem never
 * blocks or fails a statement.
 */
public final class JsonLinesFileSink implements UsageEventSink {

    private static final System.Logger LOG = System.getLogger(JsonLinesFileSink.class.getName());
    private static final int BATCH = 256;

    private final Path file;
    private final BlockingQueue<UsageEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean open = true;

    public JsonLinesFileSink(Path file, int capacity) {
        this.file = file;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "veil-audit-file");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void accept(UsageEvent event) {
        if (!open || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        open = false;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<UsageEvent> batch = new ArrayList<>(BATCH);
        while (open || !queue.isEmpty()) {
            try {
                UsageEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                if (queue.isEmpty()) {
                    break;
                }
            }
            queue.drainTo(batch, BATCH - batch.size());
            write(batch);
            batch.clear();
        }
        queue.drainTo(batch);
        write(batch);
    }

    private void write(List<UsageEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            for (UsageEvent event : batch) {
                out.write(UsageEventJson.MAPPER.writeValueAsString(event));
                out.write('\n');
            }
        } catch (IOException | RuntimeException e) {
            dropped.addAndGet(batch.size());
            LOG.log(System.Logger.Level.WARNING, "veil: usage events could not be written to the audit file ("
                    + e.getClass().getSimpleName() + "); " + batch.size() + " dropped");
        }
    }
}
