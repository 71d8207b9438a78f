package dev.veil.driver.metrics;

import dev.veil.driver.config.MetricsTarget;
import dev.veil.driver.events.UsageEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The driver's counters, fed from its usage events (so they count exactly what the audit trail records): statements
 * by decision and rule, refusals by rule, masked column references by class; and, read when scraped, plan-cache hits
 * and misses and usage events dropped. Names and classes only, never a value.
 */
public final class VeilMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public VeilMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Metrics for {@code target}: its endpoint's registry and/or the application's global one. */
    static VeilMetrics of(MetricsTarget target, MeterRegistry endpointRegistry) {
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        if (endpointRegistry != null) {
            composite.add(endpointRegistry);
        }
        if (target.global()) {
            composite.add(Metrics.globalRegistry);
        }
        return new VeilMetrics(composite);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Counts one finished or refused statement. */
    public void record(UsageEvent event) {
        String rule = event.rule() == null ? "none" : event.rule();
        counter("veil.statements", "decision", event.decision(), "rule", rule).increment();
        if ("REFUSED".equals(event.decision())) {
            counter("veil.refusals", "rule", rule).increment();
        }
        for (String mask : event.masks()) {
            String column = mask.substring(0, Math.max(0, mask.indexOf('=')));
            String classId = event.columns().stream().filter(c -> c.column().equalsIgnoreCase(column))
                    .map(UsageEvent.TouchedColumn::sensitivityClass).findFirst().orElse("unknown");
            counter("veil.masked.columns", "class", classId).increment();
        }
    }

    /** A counter read when scraped, e.g. the hits of a cache or the events a sink dropped. */
    public <T> void watch(String name, String description, T source, ToDoubleFunction<T> count, String... tags) {
        FunctionCounter.builder(name, source, count).description(description).tags(tags).register(registry);
    }

    private Counter counter(String name, String... tags) {
        String key = name + String.join("\u0000", tags);
        Counter known = counters.get(key);
        if (known != null) {
            return known;
        }
        return counters.computeIfAbsent(key, k -> Counter.builder(name).tags(tags).register(registry));
    }
}
