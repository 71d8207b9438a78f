package dev.veil.approval.server;

import static dev.veil.approval.server.TestSetup.DRIVER_TOKEN;
import static dev.veil.approval.server.TestSetup.REVIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.approval.client.ApprovalCancelledException;
import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalClientConfig;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.client.ApprovalUnavailableException;
import dev.veil.approval.client.CancellationSignal;
import dev.veil.approval.client.Decision;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.StoredRequest;
import dev.veil.approval.server.testkit.SlackStandIn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The driver's client against a real server: failures, cancellation, deadlines, expiry, restarts. */
@Timeout(60)
class ApprovalClientTest {

    @TempDir
    Path dir;

    private final ExecutorService drivers = Executors.newCachedThreadPool();
    private ApprovalServer server;

    @AfterEach
    void stop() {
        drivers.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    private CompletableFuture<Decision> waitFor(ApprovalClient client, Instant deadline, CancellationSignal cancel) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.requestAndAwait(TestSetup.dropTable("alice@example.com"), deadline, cancel);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, drivers);
    }

    private static Throwable causeOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            throw new AssertionError("the wait ended with a decision");
        } catch (ExecutionException e) {
            return e.getCause().getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the wait did not end");
        }
    }

    private List<StoredRequest> pending() {
        return server.service().list(ApprovalState.PENDING, 10);
    }

    /** Until a driver is held waiting on a pending request (not merely creating it). */
    private void awaitWaitingDriver() throws InterruptedException {
        while (pending().isEmpty() || server.waitingDrivers() == 0) {
            Thread.sleep(20);
        }
    }

    @Test
    void anUnreachableServerIsReportedAtOnceNotAtTheDeadline() {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        URI gone = server.baseUrl();
        server.close();
        server = null;

        try (ApprovalClient client = new ApprovalClient(ApprovalClientConfig.of(gone, DRIVER_TOKEN))) {
            // a deadline far beyond the test's timeout: only an immediate failure lets the test pass
            assertThatThrownBy(() -> client.requestAndAwait(TestSetup.dropTable("alice@example.com"),
                    Instant.now().plus(Duration.ofHours(1)), new CancellationSignal()))
                    .isInstanceOf(ApprovalUnavailableException.class)
                    .hasMessageContaining("cannot be reached")
                    .hasMessageContaining(gone.toString())
                    .satisfies(e -> assertThat(((ApprovalUnavailableException) e).requestId()).isNull());
        }
    }

    @Test
    void aRefusedTokenMeansUnavailable() {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        try (ApprovalClient client = TestSetup.client(server, "a-token-the-server-does-not-know")) {
            assertThatThrownBy(() -> client.requestAndAwait(TestSetup.dropTable("alice@example.com"),
                    Instant.now().plus(Duration.ofHours(1)), new CancellationSignal()))
                    .isInstanceOf(ApprovalUnavailableException.class)
                    .hasMessageContaining("HTTP 401");
        }
        assertThat(server.service().list(null, 10)).isEmpty();
    }

    @Test
    void cancellingEndsTheWaitAndWithdrawsTheRequest() throws Exception {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        try (ApprovalClient client = TestSetup.client(server, DRIVER_TOKEN)) {
            CancellationSignal cancel = new CancellationSignal();
            CompletableFuture<Decision> decision = waitFor(client, Instant.now().plus(Duration.ofHours(1)), cancel);
            awaitWaitingDriver();

            cancel.cancel();

            Throwable ended = causeOf(decision);
            assertThat(ended).isInstanceOf(ApprovalCancelledException.class);
            assertThat(((ApprovalCancelledException) ended).reason())
                    .isEqualTo(ApprovalCancelledException.Reason.CANCELLED);
            String id = ((ApprovalCancelledException) ended).requestId();
            assertThat(id).isNotNull();
            assertWithdrawn(id);
        }
    }

    /** The request ends withdrawn (the client withdraws asynchronously), and approving it is refused. */
    private void assertWithdrawn(String id) throws InterruptedException {
        for (int i = 0; i < 250 && server.service().find(id).orElseThrow().pending(); i++) {
            Thread.sleep(20);
        }
        assertThat(server.service().find(id).orElseThrow().state()).isEqualTo(ApprovalState.WITHDRAWN);
        RawApi api = new RawApi(server.baseUrl());
        assertThat(api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, null).statusCode())
                .isEqualTo(409);
        assertThat(RawApi.json(api.get("api/v1/requests/" + id, REVIEWER_TOKEN)).path("state").asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void theDeadlineEndsTheWait() throws Exception {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        try (ApprovalClient client = TestSetup.client(server, DRIVER_TOKEN)) {
            CompletableFuture<Decision> decision = waitFor(client, Instant.now().plusSeconds(3),
                    new CancellationSignal());

            Throwable ended = causeOf(decision);
            assertThat(ended).isInstanceOf(ApprovalCancelledException.class);
            assertThat(((ApprovalCancelledException) ended).reason())
                    .isEqualTo(ApprovalCancelledException.Reason.DEADLINE);
            assertWithdrawn(((ApprovalCancelledException) ended).requestId());
            assertThat(pending()).isEmpty();
        }
    }

    @Test
    void aDriverThatStopsWaitingDoesNotWithdrawARequestAnotherDriverStillWaitsOn() throws Exception {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        try (ApprovalClient client = TestSetup.client(server, DRIVER_TOKEN)) {
            CompletableFuture<Decision> staying = waitFor(client, Instant.now().plusSeconds(40),
                    new CancellationSignal());
            awaitWaitingDriver();
            CancellationSignal cancel = new CancellationSignal();
            CompletableFuture<Decision> leaving = waitFor(client, Instant.now().plusSeconds(40), cancel);
            while (server.waitingDrivers() < 2) {
                Thread.sleep(20);
            }
            cancel.cancel();
            assertThat(causeOf(leaving)).isInstanceOf(ApprovalCancelledException.class);
            Thread.sleep(300);

            String id = pending().get(0).id();
            assertThat(new RawApi(server.baseUrl()).post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN,
                    null).statusCode()).isEqualTo(200);
            assertThat(staying.get(30, TimeUnit.SECONDS).approved()).isTrue();
        }
    }

    @Test
    void aRequestWhoseDriverVanishedIsWithdrawnWhenItsLeaseLapsesAndCannotBeApproved() throws Exception {
        ServerConfig base = TestSetup.config(dir, null, Duration.ofHours(1));
        ServerConfig.Requests requests = base.requests();
        ServerConfig config = new ServerConfig(base.listen(), base.store(),
                new ServerConfig.Requests(requests.ttl(), requests.maxApprovalWindow(), Duration.ofSeconds(1),
                        requests.storePollInterval(), Duration.ofHours(1), Duration.ofSeconds(1)),
                base.tokens(), null, base.audit());
        server = ApprovalServer.start(config);
        RawApi api = new RawApi(server.baseUrl());
        // a driver asks, then vanishes without withdrawing (killed, network gone): nobody renews its lease
        String id = RawApi.json(api.post("api/v1/requests", DRIVER_TOKEN, TestSetup.json(
                TestSetup.dropTable("alice@example.com")))).path("id").asText();
        Thread.sleep(1500);

        // the sweeper has not run yet (1 h): the approval itself finds nobody waiting
        assertThat(api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, null).statusCode())
                .isEqualTo(409);
        assertThat(server.service().find(id).orElseThrow().state()).isEqualTo(ApprovalState.WITHDRAWN);

        // and the sweeper withdraws the next one by itself
        String next = RawApi.json(api.post("api/v1/requests", DRIVER_TOKEN, TestSetup.json(
                TestSetup.request("alice@example.com", "fp-other", "DROP TABLE x")))).path("id").asText();
        Thread.sleep(1500);
        assertThat(server.service().withdrawAbandoned()).isEqualTo(1);
        assertThat(server.service().find(next).orElseThrow().state()).isEqualTo(ApprovalState.WITHDRAWN);
    }

    @Test
    void twentyIdenticalRequestsAtOnceAreOneRequest() throws Exception {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        int drivers = 20;
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(drivers);
        List<CompletableFuture<Decision>> waits = new java.util.ArrayList<>();
        List<ApprovalClient> clients = new java.util.ArrayList<>();
        for (int i = 0; i < drivers; i++) {
            ApprovalClient client = TestSetup.client(server, DRIVER_TOKEN);
            clients.add(client);
            waits.add(CompletableFuture.supplyAsync(() -> {
                try {
                    ready.countDown();
                    ready.await();
                    return client.requestAndAwait(TestSetup.dropTable("alice@example.com"),
                            Instant.now().plusSeconds(40), new CancellationSignal());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, this.drivers));
        }
        try {
            while (server.waitingDrivers() < drivers) {
                Thread.sleep(20);
            }
            assertThat(pending()).hasSize(1);
            String id = pending().get(0).id();
            assertThat(new RawApi(server.baseUrl()).post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN,
                    null).statusCode()).isEqualTo(200);
            for (CompletableFuture<Decision> wait : waits) {
                assertThat(wait.get(30, TimeUnit.SECONDS).requestId()).isEqualTo(id);
            }
            assertThat(server.service().list(null, 50)).hasSize(1);
        } finally {
            clients.forEach(ApprovalClient::close);
        }
    }

    @Test
    void aCreateRepeatedWithItsIdempotencyKeyGetsTheSameRequest() {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        RawApi api = new RawApi(server.baseUrl());
        String body = TestSetup.json(TestSetup.dropTable("alice@example.com"));
        java.net.http.HttpResponse<String> first = api.postWithKey("api/v1/requests", DRIVER_TOKEN, body,
                "key-0123456789");
        java.net.http.HttpResponse<String> again = api.postWithKey("api/v1/requests", DRIVER_TOKEN, body,
                "key-0123456789");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(RawApi.json(again).path("id")).isEqualTo(RawApi.json(first).path("id"));
        assertThat(server.service().list(null, 10)).hasSize(1);
    }

    @Test
    void anOutcomeReportedWhileTheServerIsDownIsRecordedOnceWhenItIsBack() throws Exception {
        ServerConfig config = TestSetup.config(dir, null, Duration.ofHours(1));
        server = ApprovalServer.start(config);
        int port = server.port();
        try (ApprovalClient client = TestSetup.client(server, DRIVER_TOKEN)) {
            CompletableFuture<Decision> decision = waitFor(client, Instant.now().plusSeconds(40),
                    new CancellationSignal());
            awaitWaitingDriver();
            String id = pending().get(0).id();
            assertThat(new RawApi(server.baseUrl()).post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN,
                    null).statusCode()).isEqualTo(200);
            assertThat(decision.get(30, TimeUnit.SECONDS).approved()).isTrue();

            server.close();
            server = null;
            CompletableFuture<Boolean> reported = client.reportOutcome(id,
                    new dev.veil.approval.client.ExecutionOutcome(true, 0L, null, 5L));
            Thread.sleep(1500);
            assertThat(reported).isNotDone();
            assertThat(client.deliveryStats().retries()).isPositive();
            server = ApprovalServer.start(TestSetup.withPort(config, port));

            assertThat(reported.get(60, TimeUnit.SECONDS)).isTrue();
            assertThat(client.deliveryStats().delivered()).isEqualTo(1);
            assertThat(client.deliveryStats().dropped()).isZero();
        }
        server.close();
        try (dev.veil.approval.server.store.Database database = dev.veil.approval.server.store.Database
                .openExisting(config.store().url(), config.store().user(), config.store().password())) {
            long outcomes = database.transaction(connection -> {
                try (java.sql.Statement statement = connection.createStatement();
                     java.sql.ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM veil_audit_record"
                             + " WHERE record_type = 'EXECUTION_OUTCOME'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(outcomes).isEqualTo(1);
        }
        server = null;
    }

    @Test
    void anOutcomeTheServerRefusesIsCountedAsDropped() throws Exception {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        try (ApprovalClient client = TestSetup.client(server, DRIVER_TOKEN)) {
            // no such request: 404, which no retry can mend
            assertThat(client.reportOutcome("req_" + "0".repeat(32),
                    new dev.veil.approval.client.ExecutionOutcome(true, 0L, null, 5L)).get(30, TimeUnit.SECONDS))
                    .isFalse();
            assertThat(client.deliveryStats().dropped()).isEqualTo(1);
        }
    }

    @Test
    void aRequestNobodyDecidesExpiresAndItsCardSaysSo() throws Exception {
        try (SlackStandIn slack = TestSetup.slackStandIn()) {
            server = ApprovalServer.start(TestSetup.config(dir, slack, Duration.ofSeconds(1)));
            try (ApprovalClient client = TestSetup.client(server, DRIVER_TOKEN)) {
                Decision decision = client.requestAndAwait(TestSetup.dropTable("alice@example.com"),
                        Instant.now().plusSeconds(30), new CancellationSignal());

                assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPIRED);
                assertThat(decision.reason()).contains("nobody decided");
                assertThat(slack.awaitCall("chat.update", Duration.ofSeconds(20)).param("blocks"))
                        .contains("Expired");
                RawApi api = new RawApi(server.baseUrl());
                assertThat(api.post("api/v1/requests/" + decision.requestId() + "/approve", REVIEWER_TOKEN, null)
                        .statusCode()).isEqualTo(409);
            }
        }
    }

    @Test
    void theDecisionArrivesAlthoughTheServerRestartedWhileTheDriverWaited() throws Exception {
        ServerConfig config = TestSetup.config(dir, null, Duration.ofHours(1));
        server = ApprovalServer.start(config);
        int port = server.port();
        try (ApprovalClient client = TestSetup.client(server, DRIVER_TOKEN)) {
            CompletableFuture<Decision> decision = waitFor(client, Instant.now().plusSeconds(40),
                    new CancellationSignal());
            awaitWaitingDriver();
            String id = pending().get(0).id();

            server.close();
            server = null;
            assertThat(decision).isNotDone();
            server = ApprovalServer.start(TestSetup.withPort(config, port));
            assertThat(server.service().find(id)).hasValueSatisfying(r -> assertThat(r.pending()).isTrue());

            assertThat(new RawApi(server.baseUrl()).post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN,
                    null).statusCode()).isEqualTo(200);

            Decision approved = decision.get(30, TimeUnit.SECONDS);
            assertThat(approved.approved()).isTrue();
            assertThat(approved.requestId()).isEqualTo(id);
        }
    }
}
