package dev.veil.driver.metrics;

import dev.veil.driver.events.UsageEvent;
import dev.veil.driver.events.UsageEventSink;

/** Counts usage events into the driver's metrics; never blocks, never drops. */
public final class MetricsSink implements UsageEventSink {

    private final VeilMetrics metrics;

    public MetricsSink(VeilMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void accept(UsageEvent event) {
        metrics.record(event);
    }

    @Override
    public long dropped() {
        return 0;
    }

    @Override
    public void close() {
        // the metrics outlive sessions: they are the process's
    }
}
