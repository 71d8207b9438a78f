package dev.veil.approval.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ApprovalClientProtocolTest {

    private static final String ID = "req_0123456789abcdef0123456789abcdef";
    private static final String PENDING = "{\"id\":\"" + ID + "\",\"state\":\"PENDING\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    static ApprovalRequest request() {
        return new ApprovalRequest(new Requester("alice@example.com", "etl", "job", "host-1"),
                "postgresql://db/app", "fp-1", "DELETE FROM t WHERE id = ?", "DELETE", List.of("t"),
                List.of(new TouchedColumn("t", "email", List.of("PII"))), 10L, "dmlWithoutWhere");
    }

    private static ApprovalClient client(FakeServer server) {
        return new ApprovalClient(ApprovalClientConfig.of(server.url(), "driver-token-0123456789")
                .withRetryDelay(Duration.ofMillis(20)).withLongPoll(Duration.ofSeconds(1)));
    }

    @Test
    void sendsTheRequestWithTheTokenAndWaitsUntilDecided() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        try (FakeServer server = new FakeServer(request -> {
            if (request.method().equals("POST")) {
                return new FakeServer.Answer(201, PENDING);
            }
            return polls.incrementAndGet() < 3 ? new FakeServer.Answer(200, PENDING)
                    : new FakeServer.Answer(200, "{\"id\":\"" + ID + "\",\"state\":\"REJECTED\","
                    + "\"reviewer\":\"bob@example.com\",\"reason\":\"not now\",\"newerField\":1}");
        }); ApprovalClient client = client(server)) {
            Decision decision = client.requestAndAwait(request(), Instant.now().plusSeconds(20),
                    new CancellationSignal());

            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
            assertThat(decision.reviewer()).isEqualTo("bob@example.com");
            assertThat(decision.reason()).isEqualTo("not now");
            FakeServer.Received create = server.received().get(0);
            assertThat(create.path()).isEqualTo("/api/v1/requests");
            assertThat(create.authorization()).isEqualTo("Bearer driver-token-0123456789");
            JsonNode body = JSON.readTree(create.body());
            assertThat(body.path("fingerprint").asText()).isEqualTo("fp-1");
            assertThat(body.path("requester").path("principal").asText()).isEqualTo("alice@example.com");
            assertThat(body.path("columns").get(0).path("classes").get(0).asText()).isEqualTo("PII");
            assertThat(server.received().get(1).path()).startsWith("/api/v1/requests/" + ID + "/decision?waitSeconds=");
        }
    }

    @Test
    void anAnswerAtCreationNeedsNoWait() throws Exception {
        try (FakeServer server = new FakeServer(request -> new FakeServer.Answer(201, "{\"id\":\"" + ID
                + "\",\"state\":\"APPROVED\",\"reviewer\":\"bob@example.com\",\"approvedUntil\":"
                + "\"2030-01-01T00:00:00Z\"}")); ApprovalClient client = client(server)) {
            Decision decision = client.requestAndAwait(request(), Instant.now().plusSeconds(20),
                    new CancellationSignal());

            assertThat(decision.approved()).isTrue();
            assertThat(decision.approvedUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void serverErrorsWhileWaitingAreRiddenOut() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        try (FakeServer server = new FakeServer(request -> {
            if (request.method().equals("POST")) {
                return new FakeServer.Answer(201, PENDING);
            }
            return polls.incrementAndGet() < 4 ? new FakeServer.Answer(503, "{\"error\":\"restarting\"}")
                    : new FakeServer.Answer(200, "{\"id\":\"" + ID + "\",\"state\":\"APPROVED\"}");
        }); ApprovalClient client = client(server)) {
            assertThat(client.requestAndAwait(request(), Instant.now().plusSeconds(20), new CancellationSignal())
                    .approved()).isTrue();
            assertThat(polls.get()).isEqualTo(4);
        }
    }

    @Test
    void aServerErrorAtCreationIsTriedThreeTimesUnderOneKeyThenFailsWithTheServersWords() {
        try (FakeServer server = new FakeServer(request -> new FakeServer.Answer(503,
                "{\"error\":\"the approval store is unavailable\"}")); ApprovalClient client = client(server)) {
            assertThatThrownBy(() -> client.requestAndAwait(request(), Instant.now().plus(Duration.ofHours(1)),
                    new CancellationSignal()))
                    .isInstanceOf(ApprovalUnavailableException.class)
                    .hasMessageContaining("HTTP 503: the approval store is unavailable");
            assertThat(server.received()).hasSize(ApprovalClient.CREATE_ATTEMPTS);
            assertThat(server.received()).extracting(FakeServer.Received::idempotencyKey).doesNotContainNull()
                    .containsOnly(server.received().get(0).idempotencyKey());
        }
    }

    @Test
    void aCreateWhoseConnectionWasDroppedIsRepeatedUnderTheSameKeyAndTheWaitNamesTheWaiter() throws Exception {
        AtomicInteger creates = new AtomicInteger();
        try (FakeServer server = new FakeServer(request -> {
            if (request.method().equals("POST") && request.path().equals("/api/v1/requests")) {
                return creates.incrementAndGet() == 1 ? new FakeServer.Answer(FakeServer.HANG_UP, "")
                        : new FakeServer.Answer(201, PENDING);
            }
            return new FakeServer.Answer(200, "{\"id\":\"" + ID + "\",\"state\":\"APPROVED\"}");
        }); ApprovalClient client = client(server)) {
            assertThat(client.requestAndAwait(request(), Instant.now().plusSeconds(20), new CancellationSignal())
                    .approved()).isTrue();

            List<FakeServer.Received> received = server.received();
            assertThat(received.get(0).idempotencyKey()).isNotNull().isEqualTo(received.get(1).idempotencyKey());
            assertThat(received.get(2).path()).contains("&waiter=" + received.get(0).idempotencyKey());
        }
    }

    @Test
    void aWaitEndedByTheDeadlineWithdrawsTheRequest() throws Exception {
        try (FakeServer server = new FakeServer(request -> request.method().equals("POST")
                ? new FakeServer.Answer(request.path().endsWith("/withdraw") ? 200 : 201, PENDING)
                : new FakeServer.Answer(200, PENDING));
             ApprovalClient client = client(server)) {
            assertThatThrownBy(() -> client.requestAndAwait(request(), Instant.now().plusMillis(500),
                    new CancellationSignal())).isInstanceOf(ApprovalCancelledException.class);
            String key = server.received().get(0).idempotencyKey();
            for (int i = 0; i < 100 && server.received().stream().noneMatch(r -> r.path().contains("/withdraw"));
                 i++) {
                Thread.sleep(20);
            }
            assertThat(server.received()).anySatisfy(r -> assertThat(r.path())
                    .isEqualTo("/api/v1/requests/" + ID + "/withdraw?waiter=" + key));
        }
    }

    @Test
    void aRequestWithdrawnWhileTheDriverStillWaitsIsAskedForAnew() throws Exception {
        AtomicInteger creates = new AtomicInteger();
        String second = "req_" + "b".repeat(32);
        try (FakeServer server = new FakeServer(request -> {
            if (request.method().equals("POST")) {
                return creates.incrementAndGet() == 1 ? new FakeServer.Answer(201, PENDING)
                        : new FakeServer.Answer(201, "{\"id\":\"" + second + "\",\"state\":\"PENDING\"}");
            }
            return request.path().contains(ID) ? new FakeServer.Answer(200, "{\"id\":\"" + ID
                    + "\",\"state\":\"WITHDRAWN\"}")
                    : new FakeServer.Answer(200, "{\"id\":\"" + second + "\",\"state\":\"APPROVED\"}");
        }); ApprovalClient client = client(server)) {
            Decision decision = client.requestAndAwait(request(), Instant.now().plusSeconds(20),
                    new CancellationSignal());

            assertThat(decision.approved()).isTrue();
            assertThat(decision.requestId()).isEqualTo(second);
            List<FakeServer.Received> creates2 = server.received().stream()
                    .filter(r -> r.method().equals("POST")).toList();
            assertThat(creates2).hasSize(2);
            assertThat(creates2.get(0).idempotencyKey()).isNotEqualTo(creates2.get(1).idempotencyKey());
        }
    }

    @Test
    void aRefusalAtCreationIsNotRetried() {
        try (FakeServer server = new FakeServer(request -> new FakeServer.Answer(400,
                "{\"error\":\"unknown field 'x'\"}")); ApprovalClient client = client(server)) {
            assertThatThrownBy(() -> client.requestAndAwait(request(), Instant.now().plus(Duration.ofHours(1)),
                    new CancellationSignal()))
                    .isInstanceOf(ApprovalUnavailableException.class)
                    .hasMessageContaining("HTTP 400");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aRequestTheServerNoLongerKnowsIsReportedLost() {
        try (FakeServer server = new FakeServer(request -> request.method().equals("POST")
                ? new FakeServer.Answer(201, PENDING)
                : new FakeServer.Answer(404, "{\"error\":\"no request\"}"));
             ApprovalClient client = client(server)) {
            assertThatThrownBy(() -> client.requestAndAwait(request(), Instant.now().plusSeconds(20),
                    new CancellationSignal()))
                    .isInstanceOf(ApprovalUnavailableException.class)
                    .hasMessageContaining("the request was lost")
                    .hasMessageContaining("run it again");
        }
    }

    @Test
    void theStatusOfAnotherRequestIsNotTakenForAnAnswer() {
        try (FakeServer server = new FakeServer(request -> request.method().equals("POST")
                ? new FakeServer.Answer(201, PENDING)
                : new FakeServer.Answer(200,
                        "{\"id\":\"req_ffffffffffffffffffffffffffffffff\",\"state\":\"APPROVED\"}"));
             ApprovalClient client = client(server)) {
            assertThatThrownBy(() -> client.requestAndAwait(request(), Instant.now().plusSeconds(20),
                    new CancellationSignal()))
                    .isInstanceOf(ApprovalUnavailableException.class)
                    .hasMessageContaining("another request");
        }
    }

    @Test
    void garbageIsNotTakenForAnAnswer() {
        try (FakeServer server = new FakeServer(request -> new FakeServer.Answer(201, "<html>proxy</html>"));
             ApprovalClient client = client(server)) {
            assertThatThrownBy(() -> client.requestAndAwait(request(), Instant.now().plusSeconds(20),
                    new CancellationSignal()))
                    .isInstanceOf(ApprovalUnavailableException.class)
                    .hasMessageContaining("not a request status");
        }
    }

    @Test
    void aCancellationBeforeTheRequestIsSentSendsNothing() {
        try (FakeServer server = new FakeServer(request -> new FakeServer.Answer(201, PENDING));
             ApprovalClient client = client(server)) {
            CancellationSignal cancel = new CancellationSignal();
            cancel.cancel();

            assertThatThrownBy(() -> client.requestAndAwait(request(), Instant.now().plusSeconds(20), cancel))
                    .isInstanceOf(ApprovalCancelledException.class);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void outcomesAreReportedWithoutEverFailing() throws Exception {
        try (FakeServer server = new FakeServer(request -> new FakeServer.Answer(202, "{\"recorded\":true}"));
             ApprovalClient client = client(server)) {
            assertThat(client.reportOutcome(ID, new ExecutionOutcome(true, 3L, null, 40L)).get()).isTrue();
            assertThat(client.reportOutcome("../../etc", new ExecutionOutcome(true, 3L, null, 40L)).get())
                    .isFalse();
            assertThat(server.received()).hasSize(1);
            assertThat(JSON.readTree(server.received().get(0).body()).path("rowCount").asLong()).isEqualTo(3);
        }
    }
}
