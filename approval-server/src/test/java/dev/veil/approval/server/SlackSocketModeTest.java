package dev.veil.approval.server;

import static dev.veil.approval.server.TestSetup.BOB;
import static dev.veil.approval.server.TestSetup.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.testkit.ApprovalCards;
import dev.veil.approval.server.testkit.ApprovalCards.Card;
import dev.veil.approval.server.testkit.SlackPayloads;
import dev.veil.approval.server.testkit.SlackStandIn;
import dev.veil.approval.server.testkit.SocketModeStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack over Socket Mode: the server opens the WebSocket itself (no public URL, no {@code /slack/events}) and a
 * button press arriving over the socket decides, with the same approver checks as over HTTP.
 */
@Timeout(60)
class SlackSocketModeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String APP_TOKEN = "xapp-1-veil-test-app-token";

    @TempDir
    Path dir;

    private SlackStandIn slack;
    private SocketModeStandIn socket;
    private ApprovalServer server;

    @BeforeEach
    void start() {
        socket = SocketModeStandIn.start();
        slack = TestSetup.slackStandIn().socketMode(APP_TOKEN, socket.url());
        ServerConfig base = TestSetup.config(dir, slack, Duration.ofHours(1));
        ServerConfig.Slack http = base.slack();
        ServerConfig.Slack overSocket = new ServerConfig.Slack(http.botToken(), null, http.channel(),
                http.approvers(), http.approveWindow(), http.apiUrl(), true, APP_TOKEN);
        server = ApprovalServer.start(new ServerConfig(base.listen(), base.store(), base.requests(), base.tokens(),
                overSocket, base.audit()));
    }

    @AfterEach
    void stop() {
        server.close();
        slack.close();
        socket.close();
    }

    @Test
    void aButtonPressOverTheSocketApproves() throws Exception {
        socket.awaitConnection(WAIT);
        String id = server.service().submit("etl", TestSetup.dropTable("alice@example.com"),
                UUID.randomUUID().toString()).request().id();
        Card card = ApprovalCards.awaitCard(slack, 0, WAIT);

        // not an approver: acknowledged, nothing decided
        String refused = socket.sendInteraction(SlackPayloads.blockAction(MALLORY, "veil_approve", card.requestId(),
                card.channel(), card.ts()));
        socket.awaitAck(refused, WAIT);
        assertThat(server.service().find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);

        String envelope = socket.sendInteraction(SlackPayloads.blockAction(BOB, "veil_approve", card.requestId(),
                card.channel(), card.ts()));
        socket.awaitAck(envelope, WAIT);
        assertThat(server.service().find(id).orElseThrow().state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(server.service().find(id).orElseThrow().reviewer()).isEqualTo("bob@example.com");
        assertThat(slack.awaitCall("chat.update", WAIT).json("blocks").toString()).contains("Approved");
    }

    @Test
    void theHttpEndpointIsNotServedInSocketMode() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "slack/events")).POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(404, 405);
    }
}
