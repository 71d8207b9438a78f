package dev.veil.approval.server;

import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalClientConfig;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.Requester;
import dev.veil.approval.client.TouchedColumn;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.testkit.SlackStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Tokens, people and configurations shared by the server's tests. */
final class TestSetup {

    static final String DRIVER_TOKEN = "driver-token-etl-0123456789";
    static final String OTHER_DRIVER_TOKEN = "driver-token-bi-0123456789";
    static final String REVIEWER_TOKEN = "reviewer-token-carol-0123456789";
    static final String ALICE_REVIEWER_TOKEN = "reviewer-token-alice-0123456789";
    static final String BOT_TOKEN = "xoxb-veil-test-bot-token";
    static final String SIGNING_SECRET = "veil-test-signing-secret-0123456789";
    static final String CHANNEL = "C0VEILAPPROVALS";

    /** Approver by user ID. */
    static final String BOB = "U0BOB";
    /** Approver by user ID, and the requester of the test requests. */
    static final String ALICE = "U0ALICE";
    /** Approver through the user group. */
    static final String DAN = "U0DAN";
    /** In the workspace, not an approver. */
    static final String MALLORY = "U0MALLORY";
    /** Approver by user ID, but Slack shows no e-mail address. */
    static final String NOMAIL = "U0NOMAIL";
    static final String DBA_GROUP = "S0DBAS";

    private TestSetup() {
    }

    static SlackStandIn slackStandIn() {
        return SlackStandIn.start(BOT_TOKEN)
                .user(BOB, "bob@example.com")
                .user(ALICE, "Alice@Example.com")
                .user(DAN, "dan@example.com")
                .user(MALLORY, "mallory@example.com")
                .userWithoutEmail(NOMAIL)
                .userGroup(DBA_GROUP, DAN);
    }

    static ServerConfig.Requests fastRequests(Duration ttl) {
        return new ServerConfig.Requests(ttl, Duration.ofHours(8), Duration.ofSeconds(5), Duration.ofMillis(100),
                Duration.ofMillis(200));
    }

    static ServerConfig.Tokens tokens() {
        return new ServerConfig.Tokens(
                List.of(new ServerConfig.DriverToken("etl", DRIVER_TOKEN),
                        new ServerConfig.DriverToken("bi", OTHER_DRIVER_TOKEN)),
                List.of(new ServerConfig.ReviewerToken("carol@example.com", REVIEWER_TOKEN),
                        new ServerConfig.ReviewerToken("alice@example.com", ALICE_REVIEWER_TOKEN)));
    }

    static ServerConfig.Slack slack(SlackStandIn standIn) {
        return new ServerConfig.Slack(BOT_TOKEN, SIGNING_SECRET, CHANNEL,
                new ServerConfig.Approvers(List.of(BOB, ALICE, NOMAIL), List.of(DBA_GROUP)), Duration.ofHours(1),
                standIn.methodsUrlPrefix());
    }

    static ServerConfig.Store h2(Path dir) {
        return new ServerConfig.Store("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "", 4);
    }

    /** A server on a free port with an H2 store in {@code dir}, Slack through the stand-in when given. */
    static ServerConfig config(Path dir, SlackStandIn standIn, Duration ttl) {
        return new ServerConfig(new ServerConfig.Listen("127.0.0.1", 0), h2(dir), fastRequests(ttl), tokens(),
                standIn == null ? null : slack(standIn), new ServerConfig.Audit(null));
    }

    static ServerConfig withPort(ServerConfig config, int port) {
        return new ServerConfig(new ServerConfig.Listen("127.0.0.1", port), config.store(), config.requests(),
                config.tokens(), config.slack(), config.audit());
    }

    static ApprovalClient client(ApprovalServer server, String token) {
        return new ApprovalClient(ApprovalClientConfig.of(server.baseUrl(), token)
                .withLongPoll(Duration.ofSeconds(2))
                .withRetryDelay(Duration.ofMillis(100)));
    }

    /** The request as a driver sends it. */
    static String json(ApprovalRequest request) {
        try {
            return dev.veil.approval.client.ApprovalJson.mapper(false).writeValueAsString(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApprovalRequest dropTable(String principal) {
        return request(principal, "fp-drop-orders", "DROP TABLE sales.orders");
    }

    static ApprovalRequest request(String principal, String fingerprint, String statement) {
        return new ApprovalRequest(
                new Requester(principal, "etl", "nightly-export", "worker-7.example.com"),
                "postgresql://db.example.com:5432/app",
                fingerprint,
                statement,
                "DROP",
                List.of("sales.orders"),
                List.of(new TouchedColumn("sales.orders", "customer_email", List.of("PII"))),
                120_000L,
                "ddl.drop");
    }
}
