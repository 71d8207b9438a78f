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
    void cancellingEndsTheWaitAndLeavesTheRequestPending() throws Exception {
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
            assertThat(((ApprovalCancelledException) ended).requestId()).isEqualTo(pending().get(0).id());
        }
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
            assertThat(pending()).hasSize(1);
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
