package dev.veil.approval.server;

import static dev.veil.approval.server.TestSetup.ALICE;
import static dev.veil.approval.server.TestSetup.BOB;
import static dev.veil.approval.server.TestSetup.CHANNEL;
import static dev.veil.approval.server.TestSetup.DAN;
import static dev.veil.approval.server.TestSetup.DRIVER_TOKEN;
import static dev.veil.approval.server.TestSetup.MALLORY;
import static dev.veil.approval.server.TestSetup.NOMAIL;
import static dev.veil.approval.server.TestSetup.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.client.CancellationSignal;
import dev.veil.approval.client.Decision;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.StoredRequest;
import dev.veil.approval.server.testkit.ApprovalCards;
import dev.veil.approval.server.testkit.ApprovalCards.Card;
import dev.veil.approval.server.testkit.SlackPayloads;
import dev.veil.approval.server.testkit.SlackSigner;
import dev.veil.approval.server.testkit.SlackStandIn;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** The Slack path end to end: a card in the stand-in, signed interactions through Bolt, a driver waiting. */
@Timeout(60)
class SlackApprovalFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SlackStandIn slack;
    private ApprovalServer server;
    private ApprovalClient client;
    private final SlackSigner signer = new SlackSigner(SIGNING_SECRET);
    private final ExecutorService drivers = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        slack = TestSetup.slackStandIn();
        server = ApprovalServer.start(TestSetup.config(dir, slack, Duration.ofHours(1)));
        client = TestSetup.client(server, DRIVER_TOKEN);
    }

    @AfterEach
    void stop() {
        drivers.shutdownNow();
        client.close();
        server.close();
        slack.close();
    }

    private CompletableFuture<Decision> waitFor(ApprovalRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.requestAndAwait(request, Instant.now().plus(WAIT), new CancellationSignal());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, drivers);
    }

    private Card awaitCard(int index) throws InterruptedException {
        return ApprovalCards.awaitCard(slack, index, WAIT);
    }

    private HttpResponse<String> click(String userId, String actionId, Card card) {
        return signer.postInteraction(server.slackEventsUrl(),
                SlackPayloads.blockAction(userId, actionId, card.requestId(), card.channel(), card.ts()));
    }

    private ApprovalState stateOf(String requestId) {
        return server.service().find(requestId).map(StoredRequest::state).orElseThrow();
    }

    @Test
    void approvalInSlackLetsTheWaitingStatementRun() throws Exception {
        CompletableFuture<Decision> decision = waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);

        SlackStandIn.Call post = slack.calls("chat.postMessage").get(0);
        assertThat(post.param("channel")).isEqualTo(CHANNEL);
        String cardText = card.blocks().toString();
        assertThat(cardText).contains("DROP TABLE sales.orders", "alice@example.com", "ddl.drop", "sales.orders",
                "customer_email", "PII", "120,000", "nightly-export", "worker-7.example.com");
        assertThat(card.requestId()).startsWith("req_");
        assertThat(decision).isNotDone();

        assertThat(click(BOB, "veil_approve", card).statusCode()).isEqualTo(200);

        Decision approved = decision.get(20, TimeUnit.SECONDS);
        assertThat(approved.outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(approved.reviewer()).isEqualTo("bob@example.com");
        assertThat(approved.approvedUntil()).isNull();
        SlackStandIn.Call update = slack.awaitCall("chat.update", WAIT);
        assertThat(update.param("ts")).isEqualTo(card.ts());
        assertThat(update.param("blocks")).contains("Approved", "bob@example.com").doesNotContain("veil_approve");
    }

    @Test
    void approvalForAWindowCoversTheSameStatementFromTheSameRequesterOnly() throws Exception {
        CompletableFuture<Decision> first = waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);
        assertThat(click(BOB, "veil_approve_window", card).statusCode()).isEqualTo(200);
        Decision approved = first.get(20, TimeUnit.SECONDS);
        assertThat(approved.approved()).isTrue();
        assertThat(approved.approvedUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));

        // the same statement again (a retry, another partition): approved at once, no new card
        Decision again = client.requestAndAwait(TestSetup.dropTable("alice@example.com"),
                Instant.now().plus(WAIT), new CancellationSignal());
        assertThat(again.approved()).isTrue();
        assertThat(again.requestId()).isNotEqualTo(approved.requestId());
        assertThat(again.reviewer()).isEqualTo("bob@example.com");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);

        // another statement, or another requester: a new request that waits
        CompletableFuture<Decision> otherStatement = waitFor(
                TestSetup.request("alice@example.com", "fp-truncate-orders", "TRUNCATE sales.orders"));
        Card second = awaitCard(1);
        CompletableFuture<Decision> otherRequester = waitFor(TestSetup.dropTable("erin@example.com"));
        Card third = awaitCard(2);
        assertThat(stateOf(second.requestId())).isEqualTo(ApprovalState.PENDING);
        assertThat(stateOf(third.requestId())).isEqualTo(ApprovalState.PENDING);
        assertThat(otherStatement).isNotDone();
        assertThat(otherRequester).isNotDone();
    }

    @Test
    void rejectionAsksForAReasonInAModalAndReachesTheDriver() throws Exception {
        CompletableFuture<Decision> decision = waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);

        assertThat(click(BOB, "veil_reject", card).statusCode()).isEqualTo(200);
        SlackStandIn.Call open = slack.awaitCall("views.open", WAIT);
        assertThat(open.param("trigger_id")).isEqualTo("trigger-" + BOB + "-" + card.ts());
        JsonNode view = open.json("view");
        assertThat(view.path("callback_id").asText()).isEqualTo("veil_reject_reason");
        assertThat(view.path("private_metadata").asText()).isEqualTo(card.requestId());
        assertThat(decision).isNotDone();

        HttpResponse<String> submitted = signer.postInteraction(server.slackEventsUrl(),
                ApprovalCards.submitRejection(BOB, card, "Not during business hours; run it tonight."));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");

        Decision rejected = decision.get(20, TimeUnit.SECONDS);
        assertThat(rejected.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(rejected.reviewer()).isEqualTo("bob@example.com");
        assertThat(rejected.reason()).isEqualTo("Not during business hours; run it tonight.");
        assertThat(slack.awaitCall("chat.update", WAIT).param("blocks"))
                .contains("Rejected", "Not during business hours");
    }

    @Test
    void aForgedSignatureIsRefusedAndDecidesNothing() throws Exception {
        waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);
        String body = SlackSigner.interactionBody(ApprovalCards.approve(BOB, card));
        long now = Instant.now().getEpochSecond();
        String forged = new SlackSigner("not-the-signing-secret-000000").signature(now, body);

        HttpResponse<String> response = signer.post(server.slackEventsUrl(), body, now, forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.PENDING);
        assertThat(slack.calls("chat.update")).isEmpty();
        assertThat(slack.calls("users.info")).isEmpty();
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedEvenWhenSignedCorrectly() throws Exception {
        waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);
        String body = SlackSigner.interactionBody(ApprovalCards.approve(BOB, card));
        long stale = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
        long future = Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond();

        assertThat(signer.post(server.slackEventsUrl(), body, stale, signer.signature(stale, body)).statusCode())
                .isEqualTo(401);
        assertThat(signer.post(server.slackEventsUrl(), body, future, signer.signature(future, body)).statusCode())
                .isEqualTo(401);
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.PENDING);
        assertThat(slack.calls("users.info")).isEmpty();
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() throws Exception {
        CompletableFuture<Decision> decision = waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);

        assertThat(click(ALICE, "veil_approve", card).statusCode()).isEqualTo(200);

        SlackStandIn.Call told = slack.awaitCall("chat.postEphemeral", WAIT);
        assertThat(told.param("user")).isEqualTo(ALICE);
        assertThat(told.param("text")).contains("your own request");
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.PENDING);
        assertThat(decision).isNotDone();
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void someoneOutsideTheApproversCannotDecide() throws Exception {
        CompletableFuture<Decision> decision = waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);

        assertThat(click(MALLORY, "veil_approve", card).statusCode()).isEqualTo(200);
        assertThat(click(MALLORY, "veil_reject", card).statusCode()).isEqualTo(200);
        HttpResponse<String> submitted = signer.postInteraction(server.slackEventsUrl(),
                ApprovalCards.submitRejection(MALLORY, card, "no"));

        SlackStandIn.Call told = slack.awaitCall("chat.postEphemeral", WAIT);
        assertThat(told.param("user")).isEqualTo(MALLORY);
        assertThat(told.param("text")).contains("not among the approvers");
        assertThat(submitted.body()).contains("errors", "not among the approvers");
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.PENDING);
        assertThat(decision).isNotDone();
        assertThat(refusalsAudited(card.requestId())).containsExactly(
                "slack:" + MALLORY + " approve NOT_AN_APPROVER",
                "slack:" + MALLORY + " reject NOT_AN_APPROVER",
                "slack:" + MALLORY + " reject NOT_AN_APPROVER");
    }

    /** The refusals audited for a request, in order, as "actor attempted refusal". */
    private List<String> refusalsAudited(String requestId) throws Exception {
        ServerConfig.Store store = TestSetup.h2(dir);
        List<String> refusals = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password());
             PreparedStatement statement = connection.prepareStatement("SELECT actor, payload FROM"
                     + " veil_audit_record WHERE record_type = 'DECISION_REFUSED' AND request_id = ? ORDER BY seq")) {
            statement.setString(1, requestId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    JsonNode payload = JSON.readTree(rs.getString("payload"));
                    refusals.add(rs.getString("actor") + " " + payload.path("attempted").asText() + " "
                            + payload.path("refusal").asText());
                }
            }
        }
        return refusals;
    }

    @Test
    void anApproverWhoseEmailSlackDoesNotShowCannotDecide() throws Exception {
        waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);

        assertThat(click(NOMAIL, "veil_approve", card).statusCode()).isEqualTo(200);

        assertThat(slack.awaitCall("chat.postEphemeral", WAIT).param("text")).contains("no e-mail address");
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void whenSlackCannotSayWhoClickedNothingIsDecided() throws Exception {
        waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);
        slack.fail("users.info", "ratelimited");

        assertThat(click(BOB, "veil_approve", card).statusCode()).isEqualTo(200);

        assertThat(slack.awaitCall("chat.postEphemeral", WAIT).param("text"))
                .contains("could not tell Veil who you are");
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void aMemberOfTheApproverGroupCanApprove() throws Exception {
        CompletableFuture<Decision> decision = waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);

        assertThat(click(DAN, "veil_approve", card).statusCode()).isEqualTo(200);

        assertThat(decision.get(20, TimeUnit.SECONDS).reviewer()).isEqualTo("dan@example.com");
        assertThat(slack.calls("usergroups.users.list")).isNotEmpty();
    }

    @Test
    void aSecondClickOnADecidedCardChangesNothing() throws Exception {
        CompletableFuture<Decision> decision = waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);
        click(BOB, "veil_approve", card);
        assertThat(decision.get(20, TimeUnit.SECONDS).approved()).isTrue();

        click(DAN, "veil_reject", card);

        assertThat(slack.awaitCall("chat.postEphemeral", WAIT).param("text")).contains("no longer pending");
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.APPROVED);
    }

    @Test
    void onlyGetAndPostAreServedSoNothingEchoesARequestsHeaders() throws Exception {
        HttpResponse<String> trace = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.slackEventsUrl())
                        .method("TRACE", HttpRequest.BodyPublishers.noBody())
                        .header("X-Slack-Signature", "v0=secret-looking-header").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("secret-looking-header");
    }

    @Test
    void anOversizedBodyWithoutContentLengthIsRefusedAsTooLarge() throws Exception {
        byte[] oversized = ("payload=" + "x".repeat(2 << 20)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.slackEventsUrl())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    }

    @Test
    void anInteractionThatNamesNoKnownRequestDecidesNothing() throws Exception {
        waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);
        Card unknown = new Card("req_" + "0".repeat(32), card.channel(), card.ts(), card.blocks());

        assertThat(click(BOB, "veil_approve", unknown).statusCode()).isEqualTo(200);

        assertThat(slack.awaitCall("chat.postEphemeral", WAIT).param("text")).contains("no request");
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void aReplayedClickIsRefusedEvenWithinTheFiveMinutesAndDecidesNothing() throws Exception {
        waitFor(TestSetup.dropTable("alice@example.com"));
        Card card = awaitCard(0);
        // a reject click only opens the modal: replaying it would open it again, were it not refused
        String body = SlackSigner.interactionBody(SlackPayloads.blockAction(BOB, "veil_reject", card.requestId(),
                card.channel(), card.ts()));
        long now = Instant.now().getEpochSecond();
        String signature = signer.signature(now, body);

        assertThat(signer.post(server.slackEventsUrl(), body, now, signature).statusCode()).isEqualTo(200);
        slack.awaitCall("views.open", WAIT);
        HttpResponse<String> replay = signer.post(server.slackEventsUrl(), body, now, signature);

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(replay.body()).path("error").asText()).contains("replay");
        Thread.sleep(300);
        assertThat(slack.calls("views.open")).hasSize(1);
        assertThat(stateOf(card.requestId())).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void aSignedButMalformedPayloadIsABadRequestInJson() throws Exception {
        for (String payload : new String[] {"{not json", "{\"type\":\"block_actions\"}", "[]",
                "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"veil_approve\"}]}"}) {
            HttpResponse<String> response = signer.postInteraction(server.slackEventsUrl(), payload);

            assertThat(response.statusCode()).as(payload + " -> " + response.body()).isIn(200, 400, 404);
            assertThat(response.statusCode()).as(payload).isNotEqualTo(500);
            if (response.statusCode() != 200) {
                assertThat(JSON.readTree(response.body()).path("error").isTextual()).as(response.body()).isTrue();
            }
        }
        long now = Instant.now().getEpochSecond();
        String notAForm = "%%%";
        HttpResponse<String> garbage = signer.post(server.slackEventsUrl(), notAForm, now,
                signer.signature(now, notAForm));
        assertThat(garbage.statusCode()).as(garbage.body()).isIn(400, 404);
        assertThat(JSON.readTree(garbage.body()).path("error").isTextual()).isTrue();
    }
}
