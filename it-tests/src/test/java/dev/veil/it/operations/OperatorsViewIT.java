package dev.veil.it.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What operators see around the driver: a held statement says so in the client's log (request id, rule, where to
 * review) and logs its decision; the driver and the approval server expose Prometheus metrics; content sampling is on
 * by default, so a column whose name says nothing is still masked when its values are e-mail addresses.
 */
@Timeout(120)
class OperatorsViewIT {

    private static final String DRIVER_TOKEN = "driver-token-operators-0123456789";
    private static final String REVIEWER_TOKEN = "reviewer-token-operators-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private ApprovalServer server;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger approvalLogger = Logger.getLogger("dev.veil.approval");

    @BeforeEach
    void start() {
        server = ApprovalServer.start(new ServerConfig(new ServerConfig.Listen("127.0.0.1", 0),
                new ServerConfig.Store("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "", 4),
                new ServerConfig.Requests(Duration.ofHours(1), Duration.ofHours(8), Duration.ofSeconds(2),
                        Duration.ofMillis(100), Duration.ofMillis(200)),
                new ServerConfig.Tokens(List.of(new ServerConfig.DriverToken("it", DRIVER_TOKEN)),
                        List.of(new ServerConfig.ReviewerToken("carol@example.com", REVIEWER_TOKEN))),
                null, new ServerConfig.Audit(null)));
        approvalLogger.addHandler(capture);
        approvalLogger.setLevel(Level.INFO);
    }

    @AfterEach
    void stop() {
        approvalLogger.removeHandler(capture);
        server.close();
    }

    @Test
    void aHeldStatementLogsItsRequestRuleAndReviewPageThenItsDecision() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "version: 1\napprovals:\n  ddl: { drop: true }\n");
        String database = "jdbc:h2:mem:operators_held;DB_CLOSE_DELAY=-1";
        try (Connection raw = DriverManager.getConnection(database); Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE doomed (id INT)");
        }
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        props.setProperty("veil.approval.url", server.baseUrl().toString());
        props.setProperty("veil.approval.token", DRIVER_TOKEN);
        props.setProperty("veil.requester", "dana@example.com");
        try (Connection veil = DriverManager.getConnection("jdbc:veil:h2:mem:operators_held;DB_CLOSE_DELAY=-1",
                props)) {
            CompletableFuture<Void> drop = CompletableFuture.runAsync(() -> {
                try (Statement s = veil.createStatement()) {
                    s.execute("DROP TABLE doomed");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String id = awaitPending();
            awaitMessage("request " + id); // the driver logs once the server's answer reached it
            assertThat(messages()).anySatisfy(m -> assertThat(m)
                    .contains("statement held for approval, request " + id)
                    .contains("rule: approvals.ddl.drop")
                    .contains(server.baseUrl().resolve("web/requests/" + id).toString()));
            assertThat(api("POST", "/api/v1/requests/" + id + "/approve", "{}").statusCode()).isEqualTo(200);
            drop.get(30, TimeUnit.SECONDS);
            assertThat(messages()).anySatisfy(m -> assertThat(m)
                    .contains("approval request " + id + " approved by carol@example.com")
                    .contains("the statement runs"));
        }
        String metrics = get(server.baseUrl().resolve("metrics"));
        assertThat(metrics).contains("veil_approval_requests_total{rule=\"approvals.ddl.drop\",state=\"created\"} 1")
                .contains("veil_approval_requests_total{rule=\"approvals.ddl.drop\",state=\"approved\"} 1")
                .contains("veil_approval_wait_seconds_count{state=\"approved\"} 1");
    }

    @Test
    void aHeldStatementOfAConnectionWithoutAUserNameIsRefusedWithTheWayToProceed() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "version: 1\napprovals:\n  ddl: { drop: true }\n");
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:operators_blank;DB_CLOSE_DELAY=-1");
             Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE kept (id INT)");
        }
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        props.setProperty("veil.approval.url", server.baseUrl().toString());
        props.setProperty("veil.approval.token", DRIVER_TOKEN);
        try (Connection veil = DriverManager.getConnection("jdbc:veil:h2:mem:operators_blank;DB_CLOSE_DELAY=-1",
                props); Statement s = veil.createStatement()) {
            assertThatThrownBy(() -> s.execute("DROP TABLE kept")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("set veil.requester")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42VA1"));
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM kept")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void theDriverServesCountsByDecisionRuleAndClassForPrometheus() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String database = "jdbc:h2:mem:operators_metrics;DB_CLOSE_DELAY=-1";
        try (Connection raw = DriverManager.getConnection(database); Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE patrons (id INT PRIMARY KEY, email VARCHAR(80))");
            s.execute("INSERT INTO patrons VALUES (1, 'ann@example.com'), (2, 'bo@example.org')");
        }
        Properties props = new Properties();
        props.setProperty("veil.metrics", "127.0.0.1:" + port);
        try (Connection veil = DriverManager.getConnection("jdbc:veil:h2:mem:operators_metrics;DB_CLOSE_DELAY=-1",
                props); Statement s = veil.createStatement()) {
            for (int i = 0; i < 3; i++) {
                drain(s.executeQuery("SELECT id, email FROM patrons"));
            }
            drain(s.executeQuery("SELECT id FROM patrons"));
            assertThatThrownBy(() -> s.executeQuery("SELECT id FROM patrons WHERE email = 'ann@example.com'"))
                    .isInstanceOf(SQLException.class);
        }
        String metrics = get(URI.create("http://127.0.0.1:" + port + "/metrics"));
        assertThat(metrics)
                .contains("veil_statements_total{decision=\"MASKED\",rule=\"none\"} 3")
                .contains("veil_statements_total{decision=\"ALLOWED\",rule=\"none\"} 1")
                .contains("veil_statements_total{decision=\"REFUSED\",rule=\"predicates: deny\"} 1")
                .contains("veil_refusals_total{rule=\"predicates: deny\"} 1")
                .contains("veil_masked_columns_total{class=\"email\"} 3")
                .contains("veil_plans_cache_hits_total")
                .doesNotContain("ann@example.com");
    }

    @Test
    void aColumnWhoseNameSaysNothingIsMaskedWhenItsValuesAreEmailAddresses() throws Exception {
        TestDatabase postgres = TestDatabases.postgres();
        String table = "operators_misc_" + ProcessHandle.current().pid();
        try (Connection raw = postgres.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, misc TEXT, remark TEXT)");
            s.execute("INSERT INTO " + table + " SELECT g, 'person' || g || '@example.com', 'remark ' || g"
                    + " FROM generate_series(1, 50) g");
        }
        try (Connection veil = postgres.openVeil(); Statement s = veil.createStatement();
             ResultSet rs = s.executeQuery("SELECT misc, remark FROM " + table + " WHERE id = 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("p***@example.com");
            assertThat(rs.getString(2)).isEqualTo("remark 7");
        } finally {
            try (Connection raw = postgres.openRaw(); Statement s = raw.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void aWholeRowReferenceIsRefusedWithTheWayToProceed() throws Exception {
        TestDatabase postgres = TestDatabases.postgres();
        String table = "operators_rows_" + ProcessHandle.current().pid();
        try (Connection raw = postgres.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, email TEXT)");
        }
        try (Connection veil = postgres.openVeil(); Statement s = veil.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT p FROM " + table + " p"))
                    .hasMessageContaining("name the columns instead").hasMessageContaining("exempt.users")
                    .hasMessageEndingWith("(rule: whole-row)");
        } finally {
            try (Connection raw = postgres.openRaw(); Statement s = raw.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private List<String> messages() {
        return logged.stream().map(r -> r.getMessage() == null ? "" : r.getMessage()).toList();
    }

    private void awaitMessage(String part) throws InterruptedException {
        for (int i = 0; i < 200 && messages().stream().noneMatch(m -> m.contains(part)); i++) {
            Thread.sleep(50);
        }
    }

    private String awaitPending() throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode listed = JSON.readTree(api("GET", "/api/v1/requests?state=PENDING", null).body());
            if (listed.path("requests").size() > 0) {
                return listed.path("requests").get(0).path("id").asText();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no pending request appeared");
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl().toString().replaceAll("/$", "")
                        + path))
                .header("Authorization", "Bearer " + REVIEWER_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void drain(ResultSet rs) throws SQLException {
        try (rs) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }
}
