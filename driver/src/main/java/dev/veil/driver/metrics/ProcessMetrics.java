package dev.veil.driver.metrics;

import dev.veil.driver.config.MetricsTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The process's metrics, one per {@code veil.metrics} target, shared by every connection naming it. */
public final class ProcessMetrics {

    private static final Map<MetricsTarget, VeilMetrics> BY_TARGET = new ConcurrentHashMap<>();

    private ProcessMetrics() {
    }

    /**
     * The metrics of {@code target}, starting its endpoint the first time.
     *
     * @throws UncheckedIOException the endpoint's address cannot be bound
     */
    public static VeilMetrics of(MetricsTarget target) {
        return BY_TARGET.computeIfAbsent(target, t -> {
            MetricsEndpoint endpoint = t.endpoint().map(address -> {
                try {
                    return new MetricsEndpoint(address);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse(null);
            return VeilMetrics.of(t, endpoint == null ? null : endpoint.registry());
        });
    }
}
