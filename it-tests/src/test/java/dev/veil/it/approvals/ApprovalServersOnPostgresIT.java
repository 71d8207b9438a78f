package dev.veil.it.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalClientConfig;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.client.CancellationSignal;
import dev.veil.approval.client.Decision;
import dev.veil.approval.client.Requester;
import dev.veil.approval.client.TouchedColumn;
import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.DecisionRefusedException;
import dev.veil.approval.server.Reviewer;
import dev.veil.approval.server.Verdict;
import dev.veil.approval.server.audit.AuditChain;
import dev.veil.approval.server.audit.AuditReport;
import dev.veil.approval.server.audit.AuditVerifier;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.Database;
import dev.veil.approval.server.store.StoredRequest;
import dev.veil.it.support.MovableClock;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The production store: several approval servers on one PostgreSQL database decide together, never twice, and
 * keep one unbroken audit chain. Each test works in a schema of its own.
 */
@Timeout(120)
class ApprovalServersOnPostgresIT {

    private static final String DRIVER_TOKEN = "it-driver-token-0123456789";
    private static final String REVIEWER_TOKEN = "it-reviewer-token-0123456789";

    private final TestDatabase postgres = TestDatabases.postgres();
    private final List<ApprovalServer> servers = new ArrayList<>();
    private final ExecutorService drivers = Executors.newCachedThreadPool();
    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        schema = "approvals_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = postgres.openRaw(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        drivers.shutdownNow();
        servers.forEach(ApprovalServer::close);
        try (Connection connection = postgres.openRaw(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private String storeUrl() {
        return postgres.url() + (postgres.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Shared by the servers, so that expiry needs no waiting. */
    private final MovableClock clock = new MovableClock(Instant.now());

    private ApprovalServer startServer(Duration ttl) {
        return startServer(ttl, 0);
    }

    private ApprovalServer startServer(Duration ttl, int port) {
        ServerConfig config = new ServerConfig(
                new ServerConfig.Listen("127.0.0.1", port),
                new ServerConfig.Store(storeUrl(), postgres.user(), postgres.password(), 3),
                new ServerConfig.Requests(ttl, Duration.ofHours(8), Duration.ofSeconds(5), Duration.ofMillis(100),
                        Duration.ofMillis(200)),
                new ServerConfig.Tokens(List.of(new ServerConfig.DriverToken("etl", DRIVER_TOKEN)),
                        List.of(new ServerConfig.ReviewerToken("carol@example.com", REVIEWER_TOKEN))),
                null,
                new ServerConfig.Audit("it-audit-key-0123456789"));
        ApprovalServer server = ApprovalServer.start(config, clock);
        servers.add(server);
        return server;
    }

    /**
     * Escalation on the production store: one server routes the request to the other group, and a member of the
     * first group can no longer decide it on either server; the other group's member can, on the other server.
     */
    @Test
    void anEscalationOnOneServerHoldsOnTheOther() throws Exception {
        List<ServerConfig.ApproverGroup> groups = List.of(
                new ServerConfig.ApproverGroup("dba", List.of("carol@example.com")),
                new ServerConfig.ApproverGroup("security", List.of("sec@example.com")));
        ApprovalServer[] pair = new ApprovalServer[2];
        for (int i = 0; i < 2; i++) {
            ServerConfig base = new ServerConfig(new ServerConfig.Listen("127.0.0.1", 0),
                    new ServerConfig.Store(storeUrl(), postgres.user(), postgres.password(), 3),
                    new ServerConfig.Requests(Duration.ofHours(1), Duration.ofHours(8), Duration.ofSeconds(5),
                            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofHours(1)),
                    new ServerConfig.Tokens(List.of(new ServerConfig.DriverToken("etl", DRIVER_TOKEN)),
                            List.of(new ServerConfig.ReviewerToken("carol@example.com", REVIEWER_TOKEN))),
                    null, new ServerConfig.Audit("it-audit-key-0123456789"), groups, null);
            pair[i] = ApprovalServer.start(base, clock);
            servers.add(pair[i]);
        }
        String id = pair[0].service().submit("etl", request("fp-escalate"), UUID.randomUUID().toString())
                .request().id();
        pair[0].service().escalate(id, Reviewer.api("carol@example.com"), "security", "for security");
        assertThat(pair[1].service().groupOf(id)).isEqualTo("security");
        assertThatThrownBy(() -> pair[1].service().decide(id, Reviewer.api("carol@example.com"),
                new Verdict.Approve(null, null))).isInstanceOf(DecisionRefusedException.class)
                .hasMessageContaining("not in the approver group security");
        assertThat(pair[1].service().decide(id, Reviewer.web("sec@example.com"), new Verdict.Approve(null, null))
                .state()).isEqualTo(ApprovalState.APPROVED);
    }

    private static ApprovalRequest request(String fingerprint) {
        return new ApprovalRequest(new Requester("alice@example.com", "etl", "spark", "executor-3"),
                "postgresql://warehouse/app", fingerprint, "SELECT * FROM customers WHERE region = ?", "SELECT",
                List.of("public.customers"), List.of(new TouchedColumn("public.customers", "email", List.of("PII"))),
                5_000_000L, "exportRows");
    }

    private CompletableFuture<Decision> waitThrough(ApprovalServer server, ApprovalRequest request) {
        ApprovalClient client = new ApprovalClient(ApprovalClientConfig.of(server.baseUrl(), DRIVER_TOKEN)
                .withLongPoll(Duration.ofSeconds(2)).withRetryDelay(Duration.ofMillis(100)));
        return CompletableFuture.supplyAsync(() -> {
            try (client) {
                return client.requestAndAwait(request, Instant.now().plusSeconds(60), new CancellationSignal());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, drivers);
    }

    private static StoredRequest awaitPending(ApprovalServer server) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<StoredRequest> pending = server.service().list(ApprovalState.PENDING, 10);
            if (!pending.isEmpty()) {
                return pending.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no pending request appeared");
    }

    private AuditReport verifyAudit() {
        try (Database database = Database.openExisting(storeUrl(), postgres.user(), postgres.password())) {
            AuditVerifier verifier = new AuditVerifier(new AuditChain("it-audit-key-0123456789"));
            return database.transaction(connection -> verifier.verify(connection, null));
        }
    }

    private long auditRecords(String type) throws Exception {
        try (Connection connection = postgres.openRaw(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + schema
                     + ".veil_audit_record WHERE record_type = '" + type + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDecisionTakenOnOneServerReachesADriverWaitingOnAnother() throws Exception {
        ApprovalServer first = startServer(Duration.ofHours(1));
        ApprovalServer second = startServer(Duration.ofHours(1));

        CompletableFuture<Decision> waiting = waitThrough(second, request("fp-export"));
        StoredRequest pending = awaitPending(first);
        first.service().decide(pending.id(), Reviewer.api("carol@example.com"),
                new Verdict.Approve(Duration.ofHours(1), null));

        Decision decision = waiting.get(30, TimeUnit.SECONDS);
        assertThat(decision.approved()).isTrue();
        assertThat(decision.requestId()).isEqualTo(pending.id());

        // the window opened on the first server covers the next partition asked through the second
        Decision partition = waitThrough(second, request("fp-export")).get(30, TimeUnit.SECONDS);
        assertThat(partition.approved()).isTrue();
        assertThat(partition.requestId()).isNotEqualTo(pending.id());

        AuditReport audit = verifyAudit();
        assertThat(audit.intact()).as(audit.problems().toString()).isTrue();
        assertThat(audit.records()).isEqualTo(4);
    }

    @Test
    void twentyIdenticalRequestsAtOnceThroughTwoServersAreOneRequest() throws Exception {
        ApprovalServer first = startServer(Duration.ofHours(1));
        ApprovalServer second = startServer(Duration.ofHours(1));
        int drivers = 20;
        CountDownLatch ready = new CountDownLatch(drivers);
        List<CompletableFuture<Decision>> waits = new ArrayList<>();
        for (int i = 0; i < drivers; i++) {
            ApprovalServer server = i % 2 == 0 ? first : second;
            ApprovalClient client = new ApprovalClient(ApprovalClientConfig.of(server.baseUrl(), DRIVER_TOKEN)
                    .withLongPoll(Duration.ofSeconds(2)).withRetryDelay(Duration.ofMillis(100)));
            waits.add(CompletableFuture.supplyAsync(() -> {
                try (client) {
                    ready.countDown();
                    ready.await();
                    return client.requestAndAwait(request("fp-truncate"), Instant.now().plusSeconds(60),
                            new CancellationSignal());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, this.drivers));
        }
        // every driver is waiting once the two servers hold all twenty calls
        for (int i = 0; i < 500 && first.waitingDrivers() + second.waitingDrivers() < drivers; i++) {
            Thread.sleep(20);
        }
        List<StoredRequest> pending = first.service().list(ApprovalState.PENDING, 50);
        assertThat(pending).hasSize(1);
        first.service().decide(pending.get(0).id(), Reviewer.api("carol@example.com"),
                new Verdict.Approve(null, null));

        for (CompletableFuture<Decision> wait : waits) {
            Decision decision = wait.get(30, TimeUnit.SECONDS);
            assertThat(decision.approved()).isTrue();
            assertThat(decision.requestId()).isEqualTo(pending.get(0).id());
        }
        assertThat(first.service().list(null, 50)).hasSize(1);
        assertThat(auditRecords("REQUEST_CREATED")).isEqualTo(1);
        AuditReport audit = verifyAudit();
        assertThat(audit.intact()).as(audit.problems().toString()).isTrue();
    }

    @Test
    void twoServersDecidingTheSameRequestAtOnceDecideItOnce() throws Exception {
        ApprovalServer first = startServer(Duration.ofHours(1));
        ApprovalServer second = startServer(Duration.ofHours(1));
        String id = first.service().submit("etl", request("fp-race")).request().id();

        CountDownLatch go = new CountDownLatch(1);
        List<Callable<String>> attempts = List.of(
                () -> decideWhenTold(first, id, go, new Verdict.Approve(null, null)),
                () -> decideWhenTold(second, id, go, new Verdict.Reject("no")),
                () -> decideWhenTold(first, id, go, new Verdict.Reject("no")),
                () -> decideWhenTold(second, id, go, new Verdict.Approve(null, null)));
        List<Future<String>> results = new ArrayList<>();
        for (Callable<String> attempt : attempts) {
            results.add(drivers.submit(attempt));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes).filteredOn(outcome -> outcome.equals("decided")).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome.equals("NOT_PENDING")).hasSize(3);
        assertThat(auditRecords("REQUEST_APPROVED") + auditRecords("REQUEST_REJECTED")).isEqualTo(1);
        assertThat(verifyAudit().intact()).isTrue();
    }

    private static String decideWhenTold(ApprovalServer server, String id, CountDownLatch go, Verdict verdict)
            throws InterruptedException {
        go.await();
        try {
            server.service().decide(id, Reviewer.api("carol@example.com"), verdict);
            return "decided";
        } catch (DecisionRefusedException e) {
            return e.refusal().name();
        }
    }

    @Test
    void pendingRequestsSurviveARestartAndExpireOnceWhateverTheNumberOfServers() throws Exception {
        ApprovalServer first = startServer(Duration.ofHours(1));
        CompletableFuture<Decision> waiting = waitThrough(first, request("fp-expiry"));
        String id = awaitPending(first).id();
        int port = first.port();
        first.close();
        servers.remove(first);

        ApprovalServer restarted = startServer(Duration.ofHours(1), port);
        startServer(Duration.ofHours(1));
        assertThat(restarted.service().find(id)).hasValueSatisfying(r -> assertThat(r.pending()).isTrue());
        assertThat(waiting).isNotDone();

        clock.advance(Duration.ofHours(2));

        Decision decision = waiting.get(30, TimeUnit.SECONDS);
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPIRED);
        assertThat(decision.requestId()).isEqualTo(id);
        assertThat(auditRecords("REQUEST_EXPIRED")).isEqualTo(1);
        assertThat(verifyAudit().intact()).isTrue();
    }

    @Test
    void interleavedAppendsFromSeveralServersKeepOneChain() throws Exception {
        ApprovalServer first = startServer(Duration.ofHours(1));
        ApprovalServer second = startServer(Duration.ofHours(1));
        List<Future<?>> appends = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ApprovalServer server = i % 2 == 0 ? first : second;
            int batch = i;
            appends.add(drivers.submit(() -> server.service().recordUsage("etl",
                    List.of(java.util.Map.of("batch", batch), java.util.Map.of("batch", batch, "second", true)),
                    null)));
        }
        for (Future<?> append : appends) {
            append.get(30, TimeUnit.SECONDS);
        }

        AuditReport audit = verifyAudit();
        assertThat(audit.intact()).as(audit.problems().toString()).isTrue();
        assertThat(audit.records()).isEqualTo(60);
    }
}
