package dev.veil.it.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An approval covers what the reviewer saw: a statement shape for up to a number of rows (the estimate on the card,
 * twice over, at least {@code approvals.exportRows}). On each engine, with a real approval server decided through its
 * API: a larger read of an approved shape is not covered by the approval window, an approved execution that streams
 * past the approved rows is stopped, zero-row probes never ask, and a prepared statement without parameters is
 * estimated with EXPLAIN like a plain one.
 */
@Timeout(120)
class ApprovalRowLimitIT {

    private static final String DRIVER_TOKEN = "driver-token-rowlimit-0123456789";
    private static final String REVIEWER_TOKEN = "reviewer-token-rowlimit-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ApprovalServer server;
    private final ExecutorService drivers = Executors.newCachedThreadPool();
    private Path policy;
    private String table;

    @BeforeEach
    void start() throws Exception {
        server = ApprovalServer.start(new ServerConfig(new ServerConfig.Listen("127.0.0.1", 0),
                new ServerConfig.Store("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "", 4),
                new ServerConfig.Requests(Duration.ofHours(1), Duration.ofHours(8), Duration.ofSeconds(2),
                        Duration.ofMillis(100), Duration.ofMillis(200)),
                new ServerConfig.Tokens(List.of(new ServerConfig.DriverToken("it", DRIVER_TOKEN)),
                        List.of(new ServerConfig.ReviewerToken("carol@example.com", REVIEWER_TOKEN))),
                null, new ServerConfig.Audit(null)));
        policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                approvals:
                  exportRows: 100
                """);
        table = "ap_rows_" + TABLES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    }

    @AfterEach
    void stop() {
        drivers.shutdownNow();
        server.close();
    }

    private void createTable(TestDatabase db, int rows) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, note VARCHAR(20))");
            addRows(db, 1, rows);
        }
    }

    private void addRows(TestDatabase db, int from, int to) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute(switch (db.engine()) {
                case H2 -> "INSERT INTO " + table + " SELECT X, 'n' || X FROM SYSTEM_RANGE(" + from + ", " + to + ")";
                case POSTGRESQL -> "INSERT INTO " + table + " SELECT g, 'n' || g FROM generate_series(" + from + ", "
                        + to + ") g";
                case MARIADB -> "INSERT INTO " + table + " SELECT seq, CONCAT('n', seq) FROM seq_" + from + "_to_"
                        + to;
            });
            s.execute(switch (db.engine()) {
                case H2 -> "ANALYZE TABLE " + table;
                case POSTGRESQL -> "ANALYZE " + table;
                case MARIADB -> "ANALYZE TABLE " + table;
            });
        }
    }

    private void dropTable(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private Connection veil(TestDatabase db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        props.setProperty("veil.approval.url", server.baseUrl().toString());
        props.setProperty("veil.approval.token", DRIVER_TOKEN);
        props.setProperty("veil.requester", "alice@example.com");
        props.setProperty("veil.approval.timeout", "30s");
        return db.openVeil(props);
    }

    /** Reads {@code sql} to the end in the background (it may wait for approval): the rows, or the failure. */
    private CompletableFuture<Integer> read(Connection c, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, drivers);
    }

    private static SQLException failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the statement ran to its end");
        } catch (ExecutionException e) {
            return (SQLException) e.getCause().getCause();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void anApprovalForASmallReadIsNotAnApprovalForALargeOne(TestDatabase db) throws Exception {
        createTable(db, 500);
        try (Connection c = veil(db)) {
            // LIMIT 150 is held (over exportRows), shown and approved for a window, for up to 300 rows
            CompletableFuture<Integer> small = read(c, "SELECT id, note FROM " + table + " LIMIT 150");
            JsonNode first = awaitPending(1).get(0);
            assertThat(first.path("request").path("estimatedRows").asLong()).isEqualTo(150);
            assertThat(first.path("request").path("rowLimit").asLong()).isEqualTo(300);
            approve(first.path("id").asText(), "{\"window\":\"1h\"}");
            assertThat(small.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(150);

            // the same shape with a larger LIMIT: the window does not cover it, a reviewer is asked again
            CompletableFuture<Integer> large = read(c, "SELECT id, note FROM " + table + " LIMIT 100000000");
            JsonNode second = awaitPending(1).get(0);
            assertThat(second.path("id").asText()).isNotEqualTo(first.path("id").asText());
            assertThat(second.path("request").path("rowLimit").asLong()).isGreaterThan(300);
            assertThat(large).isNotDone();
            reject(second.path("id").asText());
            assertThat(failure(large).getSQLState()).isEqualTo("42VA1");

            // within the approved rows, the window still covers the shape: no new card
            assertThat(read(c, "SELECT id, note FROM " + table + " LIMIT 120").get(WAIT.toSeconds(),
                    TimeUnit.SECONDS)).isEqualTo(120);
            assertThat(list("PENDING")).isEmpty();
        } finally {
            dropTable(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void anApprovedExecutionThatStreamsPastTheApprovedRowsIsStopped(TestDatabase db) throws Exception {
        createTable(db, 500);
        try (Connection c = veil(db)) {
            String all = "SELECT id, note FROM " + table + " WHERE id > 0";
            CompletableFuture<Integer> first = read(c, all);
            JsonNode request = awaitPending(1).get(0);
            long limit = request.path("request").path("rowLimit").asLong();
            assertThat(limit).isGreaterThanOrEqualTo(100).isLessThan(2000);
            approve(request.path("id").asText(), "{\"window\":\"1h\"}");
            assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(500);

            // the table grows past what the statement's estimate (kept for its text) knows: the window covers the
            // statement again, and the guard stops it at the approved rows (another text is estimated afresh)
            addRows(db, 501, 2000);
            SQLException stopped = failure(read(c, all));
            assertThat(stopped.getSQLState()).isEqualTo("42VA1");
            assertThat(stopped.getErrorCode()).isEqualTo(4201);
            assertThat(stopped.getMessage()).contains("passed the " + limit + " rows approved",
                    "rule: approvals.rowLimit");
        } finally {
            dropTable(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void probesThatReturnNothingNeverAsk(TestDatabase db) throws Exception {
        createTable(db, 500);
        String falseLiteral = db.engine() == Engine.MARIADB ? "FALSE" : "false";
        try (Connection c = veil(db)) {
            for (String sql : List.of("SELECT * FROM " + table + " WHERE 1=0",
                    "SELECT * FROM " + table + " WHERE " + falseLiteral,
                    "SELECT * FROM (SELECT id, note FROM " + table + ") probe WHERE 1 = 0",
                    "SELECT * FROM " + table + " LIMIT 0")) {
                assertThat(read(c, sql).get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(sql).isZero();
                try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).as(sql).isFalse();
                    assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
                }
            }
            assertThat(list(null)).isEmpty();
        } finally {
            dropTable(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#servers")
    void aPreparedStatementWithoutParametersIsEstimatedWithExplain(TestDatabase db) throws Exception {
        createTable(db, 500);
        try (Connection c = veil(db)) {
            // EXPLAIN sees 10 rows; the table's statistics would say 500 and hold it
            try (PreparedStatement p = c.prepareStatement("SELECT id, note FROM " + table + " WHERE id <= 10");
                 ResultSet rs = p.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                assertThat(rows).isEqualTo(10);
            }
            assertThat(list(null)).isEmpty();
            // with a parameter, EXPLAIN cannot see the value: the statistics hold it
            CompletableFuture<Integer> withParameter = CompletableFuture.supplyAsync(() -> {
                try (PreparedStatement p = c.prepareStatement("SELECT id, note FROM " + table + " WHERE id <= ?")) {
                    p.setInt(1, 10);
                    try (ResultSet rs = p.executeQuery()) {
                        return rs.next() ? 1 : 0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, drivers);
            JsonNode held = awaitPending(1).get(0);
            reject(held.path("id").asText());
            assertThat(failure(withParameter).getSQLState()).isEqualTo("42VA1");
        } finally {
            dropTable(db);
        }
    }

    // ---- the reviewer's side: the server's REST API -----------------------------------------------------------

    private List<JsonNode> awaitPending(int count) throws Exception {
        for (int i = 0; i < 300; i++) {
            List<JsonNode> pending = list("PENDING");
            if (pending.size() >= count) {
                return pending;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no pending request appeared");
    }

    private List<JsonNode> list(String state) throws Exception {
        JsonNode listed = JSON.readTree(api("GET", "/api/v1/requests" + (state == null ? "" : "?state=" + state),
                null).body());
        List<JsonNode> out = new java.util.ArrayList<>();
        listed.path("requests").forEach(out::add);
        return out;
    }

    private void approve(String id, String body) throws Exception {
        assertThat(api("POST", "/api/v1/requests/" + id + "/approve", body).statusCode()).isEqualTo(200);
    }

    private void reject(String id) throws Exception {
        assertThat(api("POST", "/api/v1/requests/" + id + "/reject", "{\"reason\":\"too much\"}").statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl().toString().replaceAll("/$", "")
                        + path))
                .header("Authorization", "Bearer " + REVIEWER_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
