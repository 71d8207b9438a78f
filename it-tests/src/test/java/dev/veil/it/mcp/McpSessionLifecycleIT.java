package dev.veil.it.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.StoredRequest;
import dev.veil.it.support.MovableClock;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import dev.veil.mcp.AgentsFile;
import dev.veil.mcp.HttpEndpoint;
import dev.veil.mcp.VeilMcpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database connection of an MCP session over HTTP is closed when its client ends the session or it idles out,
 * never while a statement of it waits for a reviewer; a call from an expired session is told to start a new one.
 * The SDK's own client over real HTTP, real PostgreSQL (connections counted in {@code pg_stat_activity}), a real
 * approval server, and a clock the test moves.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpSessionLifecycleIT {

    private static final String DRIVER_TOKEN = "mcp-life-driver-token-0123456789";
    private static final String REVIEWER_TOKEN = "mcp-life-reviewer-token-0123456789";
    private static final String WRITER = "life-writer-token-0123456789abcdef";
    private static final Duration IDLE = Duration.ofMinutes(30);

    @TempDir
    static Path dir;

    private final TestDatabase postgres = TestDatabases.postgres();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<McpSyncClient> clients = new ArrayList<>();
    private String schema;
    private String applicationName;
    private ApprovalServer approvals;
    private VeilMcpServer veil;
    private HttpEndpoint endpoint;

    @BeforeAll
    void start() throws Exception {
        schema = "mcp_idle_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        applicationName = "veil-" + schema;
        try (Connection c = postgres.openRaw(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".notes (id int)");
            s.execute("CREATE TABLE " + schema + ".victims (id int)");
        }
        approvals = ApprovalServer.start(new ServerConfig(new ServerConfig.Listen("127.0.0.1", 0),
                new ServerConfig.Store("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "", 4),
                new ServerConfig.Requests(Duration.ofHours(1), Duration.ofHours(8), Duration.ofSeconds(2),
                        Duration.ofMillis(100), Duration.ofMillis(200)),
                new ServerConfig.Tokens(List.of(new ServerConfig.DriverToken("mcp", DRIVER_TOKEN)),
                        List.of(new ServerConfig.ReviewerToken("carol@example.com", REVIEWER_TOKEN))),
                null, new ServerConfig.Audit("mcp-life-audit-key-0123456789")));
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                approvals:
                  ddl: { drop: true }
                """);
        Path agents = dir.resolve("agents.yaml");
        Files.writeString(agents, """
                agents:
                  - name: writer
                    token: %s
                    purpose: session lifecycle test
                    readOnly: false
                """.formatted(WRITER));
        Properties veilProperties = new Properties();
        veilProperties.putAll(postgres.credentials());
        veilProperties.setProperty("ApplicationName", applicationName);
        veilProperties.setProperty("veil.policy", policy.toString());
        veilProperties.setProperty("veil.approval.url", approvals.baseUrl().toString());
        veilProperties.setProperty("veil.approval.token", DRIVER_TOKEN);
        veilProperties.setProperty("veil.approval.timeout", "90s");
        String url = "jdbc:veil:" + postgres.url().substring("jdbc:".length())
                + (postgres.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        veil = new VeilMcpServer(requester -> {
            Properties p = new Properties();
            p.putAll(veilProperties);
            p.setProperty("veil.requester", requester);
            return DriverManager.getConnection(url, p);
        }, AgentsFile.read(agents, Map.of()), true, Optional.empty(), Duration.ofMinutes(2),
                "on the approval server", IDLE, clock);
        endpoint = HttpEndpoint.start(veil, "127.0.0.1", 0);
    }

    @AfterEach
    void closeClients() throws Exception {
        clients.forEach(McpSyncClient::closeGracefully);
        clients.clear();
        awaitConnections(n -> n == 0, "every session's connection closed after each test");
    }

    @AfterAll
    void stop() throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
        if (veil != null) {
            veil.close();
        }
        if (approvals != null) {
            approvals.close();
        }
        try (Connection c = postgres.openRaw(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private McpSyncClient connect() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + endpoint.port())
                .endpoint(HttpEndpoint.PATH)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + WRITER))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        clients.add(client);
        client.initialize();
        return client;
    }

    private static McpSchema.CallToolResult query(McpSyncClient client, String sql) {
        return client.callTool(new McpSchema.CallToolRequest("query", Map.of("sql", sql)));
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    /** The server's connections to PostgreSQL, as the database sees them. */
    private int connections() throws SQLException {
        try (Connection c = postgres.openRaw(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A closed connection's backend leaves pg_stat_activity shortly after the close: wait for it, bounded. */
    private void awaitConnections(IntPredicate expected, String what) throws Exception {
        int n = connections();
        for (int i = 0; i < 200 && !expected.test(n); i++) {
            Thread.sleep(50);
            n = connections();
        }
        assertThat(n).as(what).matches(expected::test);
    }

    @Test
    void endingTheSessionClosesItsConnection() throws Exception {
        McpSyncClient client = connect();
        assertThat(text(query(client, "SELECT count(*) FROM notes"))).contains("0");
        assertThat(connections()).as("the session's own connection").isEqualTo(1);
        McpSyncClient other = connect();
        assertThat(query(other, "SELECT 1").isError()).isFalse();
        assertThat(connections()).isEqualTo(2);

        client.closeGracefully(); // the SDK's client sends DELETE for its session
        awaitConnections(n -> n == 1, "the ended session's connection closed, the other's open");
        assertThat(query(other, "SELECT 2").isError()).isFalse();
    }

    @Test
    void aSessionIdleForTheTimeoutIsClosedAndItsNextCallIsToldToStartANewSession() throws Exception {
        McpSyncClient client = connect();
        assertThat(query(client, "SELECT 1").isError()).isFalse();
        clock.advance(IDLE.minusSeconds(1));
        veil.closeIdleSessions();
        assertThat(connections()).as("not yet idle for the timeout").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        veil.closeIdleSessions();
        awaitConnections(n -> n == 0, "the idle session's connection closed");
        McpSchema.CallToolResult late = query(client, "SELECT 1");
        assertThat(late.isError()).isTrue();
        assertThat(text(late)).contains("session has ended", "Start a new MCP session");
        assertThat(connections()).as("no fresh connection for the expired session").isZero();

        McpSyncClient fresh = connect();
        assertThat(query(fresh, "SELECT 1").isError()).isFalse();
        assertThat(connections()).isEqualTo(1);
    }

    @Test
    void aSessionWithAStatementWaitingForAReviewerIsNotClosedUntilTheStatementIsDone() throws Exception {
        McpSyncClient client = connect();
        McpSchema.CallToolResult held = query(client, "DROP TABLE victims");
        assertThat(text(held)).startsWith("HELD FOR APPROVAL");
        StoredRequest request = awaitPending();

        clock.advance(IDLE.multipliedBy(3));
        veil.closeIdleSessions();
        assertThat(connections()).as("held for a reviewer: kept past the idle timeout").isEqualTo(1);
        client.closeGracefully();
        Thread.sleep(500); // give a wrong close the time to show in pg_stat_activity
        assertThat(connections()).as("ended by its client, still held: kept until the statement is done")
                .isEqualTo(1);

        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(approvals.baseUrl()
                                .resolve("/api/v1/requests/" + request.id() + "/approve"))
                        .header("Authorization", "Bearer " + REVIEWER_TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        for (int i = 0; i < 200 && tableExists("victims"); i++) {
            Thread.sleep(50);
        }
        assertThat(tableExists("victims")).as("the approved statement ran").isFalse();
        for (int i = 0; i < 200 && connections() > 0; i++) {
            veil.closeIdleSessions(); // the statement's thread gives the turn back just after the DROP
            Thread.sleep(50);
        }
        assertThat(connections()).as("closed once the statement was done").isZero();
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = postgres.openRaw(); ResultSet rs = c.getMetaData().getTables(null, schema, table, null)) {
            return rs.next();
        }
    }

    private StoredRequest awaitPending() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (StoredRequest r : approvals.service().list(ApprovalState.PENDING, 50)) {
                if (r.request().rule().equals("approvals.ddl.drop")) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no pending request appeared");
    }
}
