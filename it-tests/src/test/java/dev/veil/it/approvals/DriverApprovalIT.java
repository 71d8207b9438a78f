package dev.veil.it.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.testkit.ApprovalCards;
import dev.veil.approval.server.testkit.ApprovalCards.Card;
import dev.veil.approval.server.testkit.SlackPayloads;
import dev.veil.approval.server.testkit.SlackSigner;
import dev.veil.approval.server.testkit.SlackStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Risky statements through the driver wait for a human: a real approval server over real HTTP, Slack's Web API played
 * by a local stand-in, interactions signed as Slack signs them and verified by the real Bolt app.
 */
@Timeout(90)
class DriverApprovalIT {

    private static final String DRIVER_TOKEN = "driver-token-it-0123456789";
    private static final String REVIEWER_TOKEN = "reviewer-token-carol-0123456789";
    private static final String BOT_TOKEN = "xoxb-veil-it-bot-token";
    private static final String SIGNING_SECRET = "veil-it-signing-secret-0123456789";
    private static final String CHANNEL = "C0VEILIT";
    private static final String BOB = "U0BOB";
    private static final String ALICE = "U0ALICE";
    private static final String MALLORY = "U0MALLORY";
    private static final String REQUESTER = "alice@example.com";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path dir;

    private SlackStandIn slack;
    private ApprovalServer server;
    private final SlackSigner signer = new SlackSigner(SIGNING_SECRET);
    private final ExecutorService drivers = Executors.newCachedThreadPool();
    private String database;
    private Connection raw;
    private Path policy;

    @BeforeEach
    void start() throws Exception {
        slack = SlackStandIn.start(BOT_TOKEN)
                .user(BOB, "bob@example.com")
                .user(ALICE, REQUESTER)
                .user(MALLORY, "mallory@example.com");
        server = ApprovalServer.start(config(0, Duration.ofHours(1)));
        database = "h2:mem:approvals" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        raw = DriverManager.getConnection("jdbc:" + database);
        execute(raw, "CREATE TABLE victims (id INT PRIMARY KEY, note VARCHAR(20))");
        execute(raw, "INSERT INTO victims SELECT X, 'n' || X FROM SYSTEM_RANGE(1, 500)");
        execute(raw, "CREATE TABLE small (id INT PRIMARY KEY)");
        execute(raw, "INSERT INTO small SELECT X FROM SYSTEM_RANGE(1, 20)");
        policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                approvals:
                  exportRows: 100
                  writeRows: 50
                """);
    }

    @AfterEach
    void stop() throws SQLException {
        drivers.shutdownNow();
        raw.close();
        if (server != null) {
            server.close();
        }
        slack.close();
    }

    private ServerConfig config(int port, Duration ttl) {
        return new ServerConfig(new ServerConfig.Listen("127.0.0.1", port),
                new ServerConfig.Store("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "", 4),
                new ServerConfig.Requests(ttl, Duration.ofHours(8), Duration.ofSeconds(2), Duration.ofMillis(100),
                        Duration.ofMillis(200)),
                new ServerConfig.Tokens(List.of(new ServerConfig.DriverToken("it", DRIVER_TOKEN)),
                        List.of(new ServerConfig.ReviewerToken("carol@example.com", REVIEWER_TOKEN))),
                new ServerConfig.Slack(BOT_TOKEN, SIGNING_SECRET, CHANNEL,
                        new ServerConfig.Approvers(List.of(BOB, ALICE), List.of()), Duration.ofHours(1),
                        slack.methodsUrlPrefix()),
                new ServerConfig.Audit(null));
    }

    private Connection veil(String... extra) throws SQLException {
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        props.setProperty("veil.approval.url", server.baseUrl().toString());
        props.setProperty("veil.approval.token", DRIVER_TOKEN);
        props.setProperty("veil.requester", REQUESTER);
        props.setProperty("veil.approval.timeout", "30s");
        for (int i = 0; i < extra.length; i += 2) {
            props.setProperty(extra[i], extra[i + 1]);
        }
        return DriverManager.getConnection("jdbc:veil:" + database, props);
    }

    /** Runs {@code sql} through Veil in the background: the statement blocks while it waits for a decision. */
    private CompletableFuture<Integer> inBackground(Connection c, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, drivers);
    }

    private Card card(int index) throws InterruptedException {
        return ApprovalCards.awaitCard(slack, index, WAIT);
    }

    private HttpResponse<String> click(String userId, String actionId, Card card) {
        return signer.postInteraction(server.slackEventsUrl(),
                SlackPayloads.blockAction(userId, actionId, card.requestId(), card.channel(), card.ts()));
    }

    private boolean tableExists(String table) throws SQLException {
        try (ResultSet rs = raw.getMetaData().getTables(null, "PUBLIC", table.toUpperCase(), null)) {
            return rs.next();
        }
    }

    private static SQLException failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the statement ran");
        } catch (ExecutionException e) {
            return (SQLException) e.getCause().getCause();
        }
    }

    @Test
    void dropTableWaitsForApprovalInSlackThenRuns() throws Exception {
        try (Connection c = veil()) {
            CompletableFuture<Integer> drop = inBackground(c, "DROP TABLE victims");
            Card card = card(0);
            assertThat(card.blocks().toString()).contains("DROP TABLE victims", REQUESTER, "approvals.ddl.drop");
            assertThat(drop).isNotDone();
            assertThat(tableExists("victims")).isTrue();

            assertThat(click(BOB, ApprovalCards.APPROVE, card).statusCode()).isEqualTo(200);
            drop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(tableExists("victims")).isFalse();
            assertThat(slack.awaitCall("chat.update", WAIT).param("blocks")).contains("bob@example.com");
        }
    }

    @Test
    void approvalThroughTheApi() throws Exception {
        try (Connection c = veil()) {
            CompletableFuture<Integer> drop = inBackground(c, "DROP TABLE victims");
            Card card = card(0);
            assertThat(api("POST", "/api/v1/requests/" + card.requestId() + "/approve", "{}", DRIVER_TOKEN)
                    .statusCode()).as("a driver token cannot approve").isEqualTo(403);
            assertThat(api("POST", "/api/v1/requests/" + card.requestId() + "/approve", "{}", REVIEWER_TOKEN)
                    .statusCode()).isEqualTo(200);
            drop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(tableExists("victims")).isFalse();
        }
    }

    @Test
    void rejectionInSlackFailsTheStatementWithTheReviewersReason() throws Exception {
        try (Connection c = veil()) {
            CompletableFuture<Integer> drop = inBackground(c, "DROP TABLE victims");
            Card card = card(0);
            click(BOB, ApprovalCards.REJECT, card);
            slack.awaitCall("views.open", WAIT);
            signer.postInteraction(server.slackEventsUrl(),
                    ApprovalCards.submitRejection(BOB, card, "use a migration instead"));
            SQLException refused = failure(drop);
            assertThat(refused.getSQLState()).isEqualTo("42VA1");
            assertThat(refused.getMessage()).startsWith("veil: approval rejected by bob@example.com")
                    .contains("use a migration instead");
            assertThat(tableExists("victims")).isTrue();
        }
    }

    @Test
    void forgedOrSelfOrOutsiderApprovalsAreRefusedAndTheStatementKeepsWaiting() throws Exception {
        try (Connection c = veil()) {
            CompletableFuture<Integer> drop = inBackground(c, "DROP TABLE victims");
            Card card = card(0);
            String payload = SlackPayloads.blockAction(BOB, ApprovalCards.APPROVE, card.requestId(), card.channel(),
                    card.ts());
            long now = System.currentTimeMillis() / 1000;
            String body = SlackSigner.interactionBody(payload);
            assertThat(signer.post(server.slackEventsUrl(), body, now, "v0=" + "0".repeat(64)).statusCode())
                    .as("forged signature").isEqualTo(401);
            assertThat(signer.post(server.slackEventsUrl(), body, now - 3600, signer.signature(now - 3600, body))
                    .statusCode()).as("stale timestamp").isEqualTo(401);
            click(ALICE, ApprovalCards.APPROVE, card); // the requester herself
            click(MALLORY, ApprovalCards.APPROVE, card); // not an approver
            Thread.sleep(500); // give a wrongly accepted decision time to reach the driver
            assertThat(drop).isNotDone();
            assertThat(tableExists("victims")).isTrue();

            click(BOB, ApprovalCards.APPROVE, card);
            drop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(tableExists("victims")).isFalse();
        }
    }

    @Test
    void anApprovalCoversOnlyTheStatementItWasGivenFor() throws Exception {
        try (Connection c = veil()) {
            CompletableFuture<Integer> first = inBackground(c, "DELETE FROM small");
            Card card = card(0);
            assertThat(card.blocks().toString()).contains("approvals.dmlWithoutWhere");
            click(BOB, ApprovalCards.APPROVE_WINDOW, card);
            assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(20);

            // the same statement again, within the window: no new card
            assertThat(inBackground(c, "DELETE FROM small").get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            // another statement: its own card, and it waits
            CompletableFuture<Integer> other = inBackground(c, "DROP TABLE victims");
            Card second = card(1);
            assertThat(second.requestId()).isNotEqualTo(card.requestId());
            assertThat(other).isNotDone();
            assertThat(tableExists("victims")).isTrue();
            click(BOB, ApprovalCards.APPROVE, second);
            other.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void anExpiredRequestFailsTheStatement() throws Exception {
        server.close();
        server = ApprovalServer.start(config(0, Duration.ofSeconds(1)));
        try (Connection c = veil()) {
            SQLException refused = failure(inBackground(c, "DROP TABLE victims"));
            assertThat(refused.getSQLState()).isEqualTo("42VA1");
            assertThat(refused.getMessage()).contains("expired");
            assertThat(tableExists("victims")).isTrue();
        }
    }

    @Test
    void withTheServerDownTheStatementFailsAtOnceAndNeverRuns() throws Exception {
        try (Connection c = veil()) {
            server.close();
            server = null;
            SQLException unavailable = failure(inBackground(c, "DROP TABLE victims"));
            assertThat(unavailable.getSQLState()).isEqualTo("57VA1");
            assertThat(unavailable.getMessage()).startsWith("veil: approval service unavailable");
            assertThat(tableExists("victims")).isTrue();
            // statements that need no approval are unaffected
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM small")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(20);
            }
        }
    }

    @Test
    void aDecisionTakenWhileTheServerRestartsStillArrives() throws Exception {
        try (Connection c = veil()) {
            CompletableFuture<Integer> drop = inBackground(c, "DROP TABLE victims");
            Card card = card(0);
            int port = server.port();
            server.close();
            server = ApprovalServer.start(config(port, Duration.ofHours(1)));
            assertThat(api("POST", "/api/v1/requests/" + card.requestId() + "/approve", "{}", REVIEWER_TOKEN)
                    .statusCode()).isEqualTo(200);
            drop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(tableExists("victims")).isFalse();
        }
    }

    @Test
    void cancelAndQueryTimeoutEndTheWait() throws Exception {
        try (Connection c = veil(); Statement s = c.createStatement()) {
            CompletableFuture<Integer> drop = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.executeUpdate("DROP TABLE victims");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, drivers);
            Card cancelled = card(0);
            s.cancel();
            assertThat(failure(drop).getSQLState()).isEqualTo("57014");
            // the driver withdrew its request: the card says so, and no approval can make it run later
            assertWithdrawn(cancelled);

            try (Statement timed = c.createStatement()) {
                timed.setQueryTimeout(1);
                try {
                    timed.executeUpdate("DROP TABLE victims");
                    throw new AssertionError("the statement ran");
                } catch (SQLTimeoutException expected) {
                    assertThat(expected.getMessage()).contains("query timeout while waiting for approval");
                }
            }
            assertWithdrawn(card(1));
            assertThat(tableExists("victims")).isTrue();
        }
    }

    private void assertWithdrawn(Card card) throws Exception {
        for (int i = 0; i < 250 && server.service().find(card.requestId()).orElseThrow().pending(); i++) {
            Thread.sleep(20);
        }
        assertThat(server.service().find(card.requestId()).orElseThrow().state())
                .isEqualTo(dev.veil.approval.client.ApprovalState.WITHDRAWN);
        assertThat(slack.awaitCall("chat.update", call -> card.ts().equals(call.param("ts"))
                && call.param("blocks").contains("Withdrawn"), WAIT)).isNotNull();
        assertThat(click(BOB, "veil_approve", card).statusCode()).isEqualTo(200);
        assertThat(server.service().find(card.requestId()).orElseThrow().state())
                .isEqualTo(dev.veil.approval.client.ApprovalState.WITHDRAWN);
    }

    @Test
    void largeExportsWaitAndBoundedOnesDoNot() throws Exception {
        try (Connection c = veil()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM victims LIMIT 50")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                assertThat(rows).isEqualTo(50);
            }
            assertThat(slack.calls("chat.postMessage")).isEmpty();

            CompletableFuture<Integer> export = CompletableFuture.supplyAsync(() -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM victims")) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    return rows;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, drivers);
            Card card = card(0);
            assertThat(card.blocks().toString()).contains("approvals.exportRows", "500");
            click(BOB, ApprovalCards.APPROVE, card);
            assertThat(export.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(500);
        }
    }

    @Test
    void aResultThatStreamsPastTheThresholdUnapprovedIsStopped() throws Exception {
        try (Connection c = veil();
             // a prepared statement is estimated from table statistics: 20 rows, though the join yields 400
             PreparedStatement p = c.prepareStatement(
                     "SELECT a.id, b.id FROM small a CROSS JOIN small b WHERE a.id > ?")) {
            p.setInt(1, 0);
            try (ResultSet rs = p.executeQuery()) {
                int rows = 0;
                try {
                    while (rs.next()) {
                        rows++;
                    }
                    throw new AssertionError("the guard did not stop the result");
                } catch (SQLException stopped) {
                    assertThat(stopped.getSQLState()).isEqualTo("42VA1");
                    assertThat(stopped.getMessage()).contains("passed 100 rows without approval");
                }
                assertThat(rows).isEqualTo(100);
            }
        }
    }

    @Test
    void aMigrationRunnerNeedsItsDdlApproved() throws Exception {
        List<String> migrations = List.of(
                "CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(40))",
                "ALTER TABLE accounts ADD COLUMN opened DATE",
                "CREATE INDEX accounts_owner ON accounts (owner)");
        try (Connection c = veil()) {
            CompletableFuture<Void> migrate = CompletableFuture.runAsync(() -> {
                try {
                    new MigrationRunner(c).apply(migrations);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, drivers);
            // the history table, then each migration: every DDL statement gets its card
            for (int i = 0; i < 1 + migrations.size(); i++) {
                Card card = card(i);
                assertThat(card.blocks().toString()).contains("approvals.ddl.");
                click(BOB, ApprovalCards.APPROVE, card);
            }
            migrate.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        try (Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(migrations.size());
        }
        assertThat(tableExists("accounts")).isTrue();
    }

    @Test
    void usageEventsAndTheExecutionOutcomeReachTheAuditLog() throws Exception {
        try (Connection c = veil("veil.audit.ship", "true")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM small")) {
                rs.next();
            }
            CompletableFuture<Integer> drop = inBackground(c, "DROP TABLE victims");
            click(BOB, ApprovalCards.APPROVE, card(0));
            drop.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        // the store is an H2 file of this process: read its audit records directly
        List<String> types = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 100 && !(types.contains("USAGE_EVENT") && types.contains("EXECUTION_OUTCOME"));
             attempt++) {
            Thread.sleep(100); // events and outcomes are shipped asynchronously
            types.clear();
            try (Connection store = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(),
                    "sa", "");
                 Statement s = store.createStatement();
                 ResultSet rs = s.executeQuery("SELECT record_type, payload FROM veil_audit_record ORDER BY seq")) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                    assertThat(rs.getString(2)).doesNotContain("n1'").doesNotContain("'n");
                }
            }
        }
        assertThat(types).contains("REQUEST_CREATED", "REQUEST_APPROVED", "EXECUTION_OUTCOME", "USAGE_EVENT");
    }

    /** A Flyway-style runner: a history table, then each versioned migration not yet applied, recorded as it goes. */
    private record MigrationRunner(Connection connection) {
        void apply(List<String> migrations) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_history"
                        + " (version INT PRIMARY KEY, description VARCHAR(200))");
            }
            for (int version = 1; version <= migrations.size(); version++) {
                try (PreparedStatement applied = connection.prepareStatement(
                        "SELECT COUNT(*) FROM schema_history WHERE version = ?")) {
                    applied.setInt(1, version);
                    try (ResultSet rs = applied.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            continue;
                        }
                    }
                }
                try (Statement s = connection.createStatement()) {
                    s.execute(migrations.get(version - 1));
                }
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_history (version, description) VALUES (?, ?)")) {
                    record.setInt(1, version);
                    record.setString(2, "V" + version);
                    record.executeUpdate();
                }
            }
        }
    }

    private HttpResponse<String> api(String method, String path, String body, String token) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl().toString().replaceAll("/$", "")
                        + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
