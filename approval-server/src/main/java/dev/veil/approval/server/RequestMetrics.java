package dev.veil.approval.server;

import dev.veil.approval.server.store.StoredRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;

/**
 * The server's metrics, served for Prometheus at {@code /metrics}: requests created and decided, by rule and by final
 * state, and how long each waited for its decision. Rules and states only: never a requester, statement or value.
 */
final class RequestMetrics implements ApprovalService.Listener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void created(StoredRequest stored) {
        Counter.builder("veil.approval.requests").description("approval requests by state")
                .tags("state", "created", "rule", stored.request().rule()).register(registry).increment();
    }

    @Override
    public void decided(StoredRequest stored) {
        String state = stored.state().name().toLowerCase(Locale.ROOT);
        Counter.builder("veil.approval.requests").description("approval requests by state")
                .tags("state", state, "rule", stored.request().rule()).register(registry).increment();
        if (stored.decidedAt() != null && stored.createdAt() != null) {
            Timer.builder("veil.approval.wait").description("from request to decision")
                    .tags("state", state).publishPercentileHistogram().register(registry)
                    .record(Duration.between(stored.createdAt(), stored.decidedAt()));
        }
    }
}
