package dev.veil.approval.server;

import static dev.veil.approval.server.TestSetup.BOB;
import static dev.veil.approval.server.TestSetup.DAN;
import static dev.veil.approval.server.TestSetup.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.RequestEvent;
import dev.veil.approval.server.testkit.ApprovalCards;
import dev.veil.approval.server.testkit.ApprovalCards.Card;
import dev.veil.approval.server.testkit.SlackPayloads;
import dev.veil.approval.server.testkit.SlackSigner;
import dev.veil.approval.server.testkit.SlackStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The card's Escalate button routes the request to the next approver group, which alone decides it then. */
@Timeout(60)
class SlackEscalationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private SlackStandIn slack;
    private ApprovalServer server;
    private final SlackSigner signer = new SlackSigner(SIGNING_SECRET);

    @BeforeEach
    void start() {
        slack = TestSetup.slackStandIn();
        ServerConfig base = TestSetup.config(dir, slack, Duration.ofHours(1));
        server = ApprovalServer.start(new ServerConfig(base.listen(), base.store(), base.requests(), base.tokens(),
                base.slack(), base.audit(),
                List.of(new ServerConfig.ApproverGroup("dba", List.of("bob@example.com")),
                        new ServerConfig.ApproverGroup("security", List.of("dan@example.com"))), null));
    }

    @AfterEach
    void stop() {
        server.close();
        slack.close();
    }

    @Test
    void escalateRoutesTheRequestToTheNextGroup() throws Exception {
        String id = server.service().submit("etl", TestSetup.dropTable("alice@example.com"),
                UUID.randomUUID().toString()).request().id();
        Card card = ApprovalCards.awaitCard(slack, 0, WAIT);
        assertThat(card.blocks().toString()).contains("Escalate to security", "approver group *dba*");

        assertThat(click(DAN, "veil_approve", card)).isEqualTo(200);
        assertThat(stateOf(id)).isEqualTo(ApprovalState.PENDING);

        assertThat(click(BOB, "veil_escalate", card)).isEqualTo(200);
        assertThat(server.service().groupOf(id)).isEqualTo("security");
        assertThat(server.service().history(id)).extracting(RequestEvent::type).contains("REQUEST_ESCALATED");
        SlackStandIn.Call update = slack.awaitCall("chat.update", WAIT);
        assertThat(update.json("blocks").toString()).contains("approver group *security*")
                .doesNotContain("Escalate to");

        assertThat(click(BOB, "veil_approve", card)).isEqualTo(200);
        assertThat(stateOf(id)).isEqualTo(ApprovalState.PENDING);
        // the same click a second later: within the same second it would be the same signature, a replay
        Thread.sleep(1100);
        assertThat(click(DAN, "veil_approve", card)).isEqualTo(200);
        assertThat(stateOf(id)).isEqualTo(ApprovalState.APPROVED);
        assertThat(server.service().find(id).orElseThrow().reviewer()).isEqualTo("dan@example.com");
    }

    private int click(String userId, String actionId, Card card) {
        return signer.postInteraction(server.slackEventsUrl(),
                SlackPayloads.blockAction(userId, actionId, card.requestId(), card.channel(), card.ts())).statusCode();
    }

    private ApprovalState stateOf(String id) {
        return server.service().find(id).orElseThrow().state();
    }
}
