package dev.veil.approval.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.testkit.SlackStandIn;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackStartupTest {

    @TempDir
    Path dir;

    @Test
    void aBotTokenSlackRefusesStopsTheServerFromStartingAndFreesEverything() throws Exception {
        try (SlackStandIn slack = SlackStandIn.start("xoxb-the-token-slack-knows")) {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            ServerConfig config = TestSetup.withPort(TestSetup.config(dir, slack, Duration.ofHours(1)), port);

            assertThatThrownBy(() -> ApprovalServer.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Slack refused the bot token (auth.test: invalid_auth)");

            // a corrected configuration then starts on the same store and port
            slack.close();
            try (SlackStandIn right = SlackStandIn.start(TestSetup.BOT_TOKEN);
                 ApprovalServer server = ApprovalServer.start(TestSetup.withPort(
                         TestSetup.config(dir, right, Duration.ofHours(1)), port))) {
                assertThat(server.port()).isEqualTo(port);
            }
        }
    }
}
