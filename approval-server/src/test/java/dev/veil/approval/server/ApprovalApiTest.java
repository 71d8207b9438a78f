package dev.veil.approval.server;

import static dev.veil.approval.server.TestSetup.ALICE_REVIEWER_TOKEN;
import static dev.veil.approval.server.TestSetup.DRIVER_TOKEN;
import static dev.veil.approval.server.TestSetup.OTHER_DRIVER_TOKEN;
import static dev.veil.approval.server.TestSetup.REVIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalJson;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.CancellationSignal;
import dev.veil.approval.client.Decision;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REST API without Slack: authentication, roles, decisions by reviewer tokens, the wait endpoint. */
@Timeout(60)
class ApprovalApiTest {

    private static final ObjectMapper JSON = ApprovalJson.mapper(false);

    @TempDir
    Path dir;

    private ApprovalServer server;
    private RawApi api;
    private ApprovalClient client;
    private final ExecutorService drivers = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
        api = new RawApi(server.baseUrl());
        client = TestSetup.client(server, DRIVER_TOKEN);
    }

    @AfterEach
    void stop() {
        drivers.shutdownNow();
        client.close();
        server.close();
    }

    private String create(ApprovalRequest request, String token) throws Exception {
        HttpResponse<String> response = api.post("api/v1/requests", token, JSON.writeValueAsString(request));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return RawApi.json(response).path("id").asText();
    }

    private CompletableFuture<Decision> waitFor(ApprovalRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.requestAndAwait(request, Instant.now().plusSeconds(20), new CancellationSignal());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, drivers);
    }

    private String awaitPendingId() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode listed = RawApi.json(api.get("api/v1/requests?state=PENDING", REVIEWER_TOKEN));
            if (listed.path("requests").size() > 0) {
                return listed.path("requests").get(0).path("id").asText();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no pending request appeared");
    }

    @Test
    void healthNeedsNoTokenButEverythingElseDoes() {
        assertThat(api.get("api/v1/health", null).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = api.get("api/v1/requests", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(RawApi.json(anonymous).path("error").asText()).contains("bearer token");
        assertThat(api.get("api/v1/requests", "not-a-known-token-at-all").statusCode()).isEqualTo(401);
        assertThat(api.post("api/v1/requests", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void aReviewerApprovesThroughTheApiAndTheWaitingDriverProceeds() throws Exception {
        CompletableFuture<Decision> decision = waitFor(TestSetup.dropTable("alice@example.com"));
        String id = awaitPendingId();

        JsonNode detail = RawApi.json(api.get("api/v1/requests/" + id, REVIEWER_TOKEN));
        assertThat(detail.path("state").asText()).isEqualTo("PENDING");
        assertThat(detail.path("client").asText()).isEqualTo("etl");
        assertThat(detail.path("request").path("statement").asText()).isEqualTo("DROP TABLE sales.orders");
        assertThat(detail.path("request").path("requester").path("principal").asText())
                .isEqualTo("alice@example.com");

        HttpResponse<String> approved = api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN,
                "{\"comment\":\"ok for the migration\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(RawApi.json(approved).path("state").asText()).isEqualTo("APPROVED");

        Decision result = decision.get(20, TimeUnit.SECONDS);
        assertThat(result.approved()).isTrue();
        assertThat(result.reviewer()).isEqualTo("carol@example.com");
        assertThat(result.reason()).isEqualTo("ok for the migration");
    }

    @Test
    void aRejectionNeedsAReasonAndTheReasonReachesTheDriver() throws Exception {
        CompletableFuture<Decision> decision = waitFor(TestSetup.dropTable("alice@example.com"));
        String id = awaitPendingId();

        HttpResponse<String> withoutReason = api.post("api/v1/requests/" + id + "/reject", REVIEWER_TOKEN,
                "{\"reason\":\"  \"}");
        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(decision).isNotDone();

        assertThat(api.post("api/v1/requests/" + id + "/reject", REVIEWER_TOKEN,
                "{\"reason\":\"use a migration instead\"}").statusCode()).isEqualTo(200);

        Decision result = decision.get(20, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(result.reason()).isEqualTo("use a migration instead");
        assertThat(result.reviewer()).isEqualTo("carol@example.com");

        HttpResponse<String> again = api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(RawApi.json(again).path("error").asText()).contains("already rejected by carol@example.com");
    }

    @Test
    void driverTokensCannotDecideAndReviewerTokensCannotAsk() throws Exception {
        String id = create(TestSetup.dropTable("alice@example.com"), DRIVER_TOKEN);

        assertThat(api.post("api/v1/requests/" + id + "/approve", DRIVER_TOKEN, null).statusCode()).isEqualTo(403);
        assertThat(api.post("api/v1/requests/" + id + "/reject", DRIVER_TOKEN, "{\"reason\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(api.get("api/v1/requests", DRIVER_TOKEN).statusCode()).isEqualTo(403);
        assertThat(api.get("api/v1/requests/" + id, DRIVER_TOKEN).statusCode()).isEqualTo(403);
        assertThat(api.post("api/v1/requests", REVIEWER_TOKEN,
                JSON.writeValueAsString(TestSetup.dropTable("carol@example.com"))).statusCode()).isEqualTo(403);
        assertThat(api.get("api/v1/requests/" + id + "/decision", REVIEWER_TOKEN).statusCode()).isEqualTo(403);

        assertThat(RawApi.json(api.get("api/v1/requests/" + id, REVIEWER_TOKEN)).path("state").asText())
                .isEqualTo("PENDING");
    }

    @Test
    void aReviewerCannotApproveTheirOwnRequestButMayWithdrawIt() throws Exception {
        String id = create(TestSetup.dropTable("alice@example.com"), DRIVER_TOKEN);

        HttpResponse<String> selfApproval = api.post("api/v1/requests/" + id + "/approve", ALICE_REVIEWER_TOKEN,
                null);
        assertThat(selfApproval.statusCode()).isEqualTo(403);
        assertThat(RawApi.json(selfApproval).path("error").asText()).contains("your own request");
        assertThat(RawApi.json(api.get("api/v1/requests/" + id, REVIEWER_TOKEN)).path("state").asText())
                .isEqualTo("PENDING");

        assertThat(api.post("api/v1/requests/" + id + "/reject", ALICE_REVIEWER_TOKEN,
                "{\"reason\":\"asked by mistake\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aDriverSeesOnlyItsOwnRequests() throws Exception {
        String id = create(TestSetup.dropTable("alice@example.com"), DRIVER_TOKEN);

        assertThat(api.get("api/v1/requests/" + id + "/decision", DRIVER_TOKEN).statusCode()).isEqualTo(200);
        assertThat(api.get("api/v1/requests/" + id + "/decision", OTHER_DRIVER_TOKEN).statusCode()).isEqualTo(404);
        assertThat(api.post("api/v1/requests/" + id + "/outcome", OTHER_DRIVER_TOKEN,
                "{\"executed\":true}").statusCode()).isEqualTo(404);
    }

    @Test
    void anApprovalWindowViaTheApiIsBoundedByTheConfiguredMaximum() throws Exception {
        String id = create(TestSetup.dropTable("alice@example.com"), DRIVER_TOKEN);

        HttpResponse<String> tooLong = api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN,
                "{\"window\":\"9h\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, "{\"window\":\"soon\"}")
                .statusCode()).isEqualTo(400);

        HttpResponse<String> windowed = api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN,
                "{\"window\":\"PT2H\"}");
        assertThat(windowed.statusCode()).isEqualTo(200);
        Instant until = Instant.parse(RawApi.json(windowed).path("approvedUntil").asText());
        assertThat(until).isAfter(Instant.now().plus(Duration.ofMinutes(119)));

        // the window covers the same statement from the same requester through the same driver token only
        Decision again = client.requestAndAwait(TestSetup.dropTable("alice@example.com"),
                Instant.now().plusSeconds(10), new CancellationSignal());
        assertThat(again.approved()).isTrue();
        assertThat(again.approvedUntil()).isEqualTo(until);
        String viaOtherToken = create(TestSetup.dropTable("alice@example.com"), OTHER_DRIVER_TOKEN);
        assertThat(RawApi.json(api.get("api/v1/requests/" + viaOtherToken, REVIEWER_TOKEN)).path("state").asText())
                .isEqualTo("PENDING");
    }

    /** The same export shape, asked for up to {@code rowLimit} rows. */
    private static ApprovalRequest export(long estimated, long rowLimit) {
        ApprovalRequest drop = TestSetup.dropTable("alice@example.com");
        return new ApprovalRequest(drop.requester(), drop.database(), "fp-export", "SELECT * FROM t LIMIT ?",
                "SELECT", List.of("t"), List.of(), estimated, "approvals.exportRows", rowLimit);
    }

    @Test
    void anApprovalCoversLaterRequestsOnlyUpToItsRowLimit() throws Exception {
        String id = create(export(150, 300), DRIVER_TOKEN);
        assertThat(RawApi.json(api.get("api/v1/requests/" + id, REVIEWER_TOKEN)).path("request").path("rowLimit")
                .asLong()).isEqualTo(300);
        // a larger read of the same shape, asked while the first is pending, does not join it
        String larger = create(export(5000, 10000), DRIVER_TOKEN);
        assertThat(larger).isNotEqualTo(id);
        assertThat(create(export(100, 200), DRIVER_TOKEN)).isEqualTo(id);

        assertThat(api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, "{\"window\":\"PT1H\"}")
                .statusCode()).isEqualTo(200);
        // within the window: a read within the approved rows is approved at once, a larger one waits for a reviewer
        Decision smaller = client.requestAndAwait(export(120, 240), Instant.now().plusSeconds(10),
                new CancellationSignal());
        assertThat(smaller.approved()).isTrue();
        String again = create(export(7000, 14000), DRIVER_TOKEN);
        assertThat(RawApi.json(api.get("api/v1/requests/" + again, REVIEWER_TOKEN)).path("state").asText())
                .isEqualTo("PENDING");
    }

    /** One partition of a read, partitioned on {@code id}, asking for the whole read of up to {@code rowLimit}. */
    private static ApprovalRequest partition(long rowLimit) {
        ApprovalRequest drop = TestSetup.dropTable("alice@example.com");
        return new ApprovalRequest(drop.requester(), drop.database(), "fp-whole-read", "SELECT id, email FROM t",
                "SELECT", List.of("t"), List.of(), rowLimit / 2, "approvals.exportRows", rowLimit, "\"id\"");
    }

    @Test
    void approvingAPartitionOfAReadCoversItsLaterPartitionsForTheReadWindowOnly() throws Exception {
        String id = create(partition(300), DRIVER_TOKEN);
        assertThat(RawApi.json(api.get("api/v1/requests/" + id, REVIEWER_TOKEN)).path("request")
                .path("partitionColumn").asText()).isEqualTo("\"id\"");
        HttpResponse<String> approved = api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, null);
        assertThat(approved.statusCode()).isEqualTo(200);
        Instant until = Instant.parse(RawApi.json(approved).path("approvedUntil").asText());
        assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
                Instant.now().plus(Duration.ofMinutes(15)));

        // a later partition or retry of the read runs under it, without a card; a larger read does not
        Decision later = client.requestAndAwait(partition(300), Instant.now().plusSeconds(10),
                new CancellationSignal());
        assertThat(later.approved()).isTrue();
        assertThat(later.requestId()).isNotEqualTo(id);
        String larger = create(partition(3000), DRIVER_TOKEN);
        assertThat(RawApi.json(api.get("api/v1/requests/" + larger, REVIEWER_TOKEN)).path("state").asText())
                .isEqualTo("PENDING");
        // an approval of a statement that is not a partition opens no window
        String export = create(export(150, 300), DRIVER_TOKEN);
        HttpResponse<String> plain = api.post("api/v1/requests/" + export + "/approve", REVIEWER_TOKEN, null);
        assertThat(RawApi.json(plain).has("approvedUntil")).isFalse();
    }

    @Test
    void theSameStatementAskedTwiceWhilePendingJoinsOneRequest() throws Exception {
        CompletableFuture<Decision> first = waitFor(TestSetup.dropTable("alice@example.com"));
        String id = awaitPendingId();
        CompletableFuture<Decision> second = waitFor(TestSetup.dropTable("alice@example.com"));
        while (server.waitingDrivers() < 2) {
            Thread.sleep(20);
        }
        HttpResponse<String> joined = api.post("api/v1/requests", DRIVER_TOKEN,
                JSON.writeValueAsString(TestSetup.dropTable("alice@example.com")));
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(RawApi.json(joined).path("id").asText()).isEqualTo(id);

        api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, null);

        assertThat(first.get(20, TimeUnit.SECONDS).requestId()).isEqualTo(id);
        assertThat(second.get(20, TimeUnit.SECONDS).requestId()).isEqualTo(id);
        assertThat(second.get().approved()).isTrue();
    }

    @Test
    void malformedRequestsAreRefusedWithAClearError() throws Exception {
        String valid = JSON.writeValueAsString(TestSetup.dropTable("alice@example.com"));
        String unknownField = valid.replaceFirst("\\{", "{\"runAnyway\":true,");

        HttpResponse<String> unknown = api.post("api/v1/requests", DRIVER_TOKEN, unknownField);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(RawApi.json(unknown).path("error").asText()).contains("runAnyway");
        HttpResponse<String> missing = api.post("api/v1/requests", DRIVER_TOKEN,
                valid.replace("\"fingerprint\":\"fp-drop-orders\",", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(api.post("api/v1/requests", DRIVER_TOKEN, "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> longPrincipal = api.post("api/v1/requests", DRIVER_TOKEN, JSON.writeValueAsString(
                TestSetup.dropTable("a".repeat(300) + "@example.com")));
        assertThat(longPrincipal.statusCode()).isEqualTo(400);
        assertThat(RawApi.json(longPrincipal).path("error").asText()).contains("at most 200 characters");
        assertThat(api.post("api/v1/requests", DRIVER_TOKEN, "{\"statement\":\"" + "x".repeat(2 << 20) + "\"}")
                .statusCode()).isEqualTo(413);
        assertThat(api.get("api/v1/requests/req_nothere", REVIEWER_TOKEN).statusCode()).isEqualTo(404);
        assertThat(api.get("api/v1/nowhere", REVIEWER_TOKEN).statusCode()).isEqualTo(404);
        assertThat(RawApi.json(api.get("api/v1/requests/req_" + "a".repeat(32), REVIEWER_TOKEN)).path("error")
                .asText()).contains("no request");
    }

    @Test
    void anOversizedBodyWithoutContentLengthIsRefusedAsTooLarge() throws Exception {
        byte[] oversized = ("{\"statement\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = api.postChunked("api/v1/requests", DRIVER_TOKEN, oversized);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(RawApi.json(refused).path("error").asText()).contains("too large");
        assertThat(api.get("api/v1/requests", REVIEWER_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void outcomesAreAcceptedOnlyForApprovedRequests() throws Exception {
        String id = create(TestSetup.dropTable("alice@example.com"), DRIVER_TOKEN);
        assertThat(api.post("api/v1/requests/" + id + "/outcome", DRIVER_TOKEN, "{\"executed\":true}")
                .statusCode()).isEqualTo(409);

        api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, null);

        assertThat(client.reportOutcome(id, new dev.veil.approval.client.ExecutionOutcome(true, 0L, null, 12L))
                .get(10, TimeUnit.SECONDS)).isTrue();
    }
}
