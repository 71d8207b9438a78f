package dev.veil.driver;

import dev.veil.analyzer.SqlAnalyzer;
import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalClientConfig;
import dev.veil.approval.client.UsageEventShipper;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.events.JsonLinesFileSink;
import dev.veil.driver.events.UsageEventSink;
import dev.veil.driver.config.MetricsTarget;
import dev.veil.driver.metrics.ProcessMetrics;
import dev.veil.driver.metrics.VeilMetrics;
import dev.veil.driver.pipeline.DatabaseContext;
import dev.veil.policy.Policy;
import dev.veil.policy.PolicyException;
import dev.veil.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What Veil shares across all connections of the process: the analyzer with its cache, each database's catalog and
 * classifications, loaded policies and audit files.
 */
public final class VeilRuntime {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults()
            .withDeferredCrossCheck(true));
    private static final ConcurrentMap<String, DatabaseContext> DATABASES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<PolicyKey, Policy> POLICIES = new ConcurrentHashMap<>();
    /** A number per distinct policy content: equal policies share it, policies whose hash codes collide do not. */
    private static final ConcurrentMap<Policy, Long> POLICY_NUMBERS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong LAST_POLICY_NUMBER =
            new java.util.concurrent.atomic.AtomicLong();
    private static final ConcurrentMap<Path, UsageEventSink> AUDIT_FILES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<ApprovalClientConfig, ApprovalClient> APPROVAL_CLIENTS =
            new ConcurrentHashMap<>();
    private static final ConcurrentMap<ApprovalClientConfig, UsageEventShipper> SHIPPERS = new ConcurrentHashMap<>();

    /** A policy file as last read: a changed file is read again. */
    private record PolicyKey(Path file, long modified, long size) {
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            AUDIT_FILES.values().forEach(UsageEventSink::close);
            SHIPPERS.values().forEach(UsageEventShipper::close);
            // delivers the outcomes still in the outbox (each bounded by its request timeout); what cannot be
            // delivered is counted and logged. The clients close at once, so exit waits one timeout, not one per client
            List<Thread> closing = new ArrayList<>();
            for (ApprovalClient client : APPROVAL_CLIENTS.values()) {
                Thread thread = new Thread(client::close, "veil-approval-close");
                thread.start();
                closing.add(thread);
            }
            for (Thread thread : closing) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "veil-audit-flush"));
    }

    private VeilRuntime() {
    }

    public static SqlAnalyzer analyzer() {
        return ANALYZER;
    }

    static DatabaseContext database(String identity, Duration catalogTtl, Duration catalogCheck) {
        return DATABASES.computeIfAbsent(identity, id -> new DatabaseContext(id, catalogTtl, catalogCheck));
    }

    /**
     * The number of {@code policy}'s content in this process: the same for equal policies (loaded from one file by many
     * connections), different for any two that differ, whatever their hash codes — caches shared under one number
     * hold classifications and plans made under one policy only.
     */
    static long policyNumber(Policy policy) {
        return POLICY_NUMBERS.computeIfAbsent(policy, p -> LAST_POLICY_NUMBER.incrementAndGet());
    }

    /** The policy in {@code file}, or the built-in one; a policy that cannot be read refuses the connection. */
    static Policy policy(Optional<Path> file) throws SQLException {
        if (file.isEmpty()) {
            return Policy.defaults();
        }
        Path path = file.get().toAbsolutePath().normalize();
        PolicyKey key;
        try {
            key = new PolicyKey(path, Files.getLastModifiedTime(path).toMillis(), Files.size(path));
        } catch (IOException e) {
            throw VeilErrors.configuration("cannot read the policy file named by veil.policy ("
                    + e.getClass().getSimpleName() + ")");
        }
        Policy known = POLICIES.get(key);
        if (known != null) {
            return known;
        }
        try {
            Policy loaded = PolicyLoader.load(path);
            POLICIES.keySet().removeIf(k -> k.file().equals(path));
            POLICIES.put(key, loaded);
            return loaded;
        } catch (PolicyException e) {
            throw VeilErrors.configuration(e.getMessage());
        }
    }

    static UsageEventSink auditFile(Optional<Path> file) {
        return file.map(f -> AUDIT_FILES.computeIfAbsent(f.toAbsolutePath().normalize(),
                path -> new JsonLinesFileSink(path, 10_000))).orElse(UsageEventSink.NONE);
    }

    /** The process's metrics for {@code target}; empty when metrics are off (then nothing is counted). */
    static Optional<VeilMetrics> metrics(MetricsTarget target) throws SQLException {
        if (!target.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProcessMetrics.of(target));
        } catch (java.io.UncheckedIOException e) {
            throw VeilErrors.configuration("veil.metrics: cannot serve metrics at " + target.endpoint().orElseThrow()
                    + " (" + e.getCause().getMessage() + "); choose a free port or set veil.metrics=none");
        }
    }

    /** One client per server and token, shared by every connection (it is thread-safe). */
    static ApprovalClient approvalClient(ApprovalClientConfig config) {
        return APPROVAL_CLIENTS.computeIfAbsent(config, ApprovalClient::new);
    }

    /** One shipper of usage events per server and token. */
    static UsageEventShipper shipper(ApprovalClientConfig config) {
        return SHIPPERS.computeIfAbsent(config, c -> UsageEventShipper.start(c, 10_000, 500, Duration.ofSeconds(1)));
    }
}
