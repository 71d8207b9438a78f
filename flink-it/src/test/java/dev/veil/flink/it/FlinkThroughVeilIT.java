package dev.veil.flink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flink's Table API reads and writes through {@code jdbc:veil:} URLs with only the URL changed: the class path holds
 * Flink, its JDBC connector, the vendor drivers and Veil's self-contained jar, and the test names no driver class. One
 * MiniCluster (parallelism 2) for the class; the engines are those the module's connector serves
 * ({@code veil.it.flinkEngines}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlinkThroughVeilIT {

    private static final int ROWS = 30;
    private static final String MASKED_EMAIL = "u\\*\\*\\*@example\\.com";

    private MiniCluster cluster;
    private TableEnvironment tables;
    private Databases databases;
    private Path dir;

    static List<String> engines() {
        return List.of(System.getProperty("veil.it.flinkEngines", "postgresql,mariadb").split(","));
    }

    @BeforeAll
    void start() throws Exception {
        databases = new Databases();
        dir = Files.createTempDirectory("veil-flink-it");
        for (String engine : engines()) {
            seed(databases.of(engine));
        }
        Configuration clusterConfig = new Configuration();
        clusterConfig.set(RestOptions.BIND_PORT, "0");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(clusterConfig)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        cluster.start();
        URI rest = cluster.getRestAddress().get();
        // every job of the class goes to the one MiniCluster, as to a session cluster
        Configuration jobs = new Configuration();
        jobs.set(DeploymentOptions.TARGET, "remote");
        jobs.set(RestOptions.ADDRESS, rest.getHost());
        jobs.set(RestOptions.PORT, rest.getPort());
        jobs.set(CoreOptions.DEFAULT_PARALLELISM, 2);
        tables = TableEnvironment.create(
                EnvironmentSettings.newInstance().inBatchMode().withConfiguration(jobs).build());
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        databases.close();
    }

    private static void seed(Databases.Db db) throws SQLException {
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(80), name VARCHAR(40),"
                    + " score DOUBLE PRECISION)");
            for (int i = 1; i <= ROWS; i++) {
                s.execute("INSERT INTO customers VALUES (" + i + ", 'user" + i + "@example.com', 'name " + i
                        + "', " + (i / 4.0) + ")");
            }
            // statistics, as a table in use has them: a partition prepared with parameters is estimated from them
            s.execute(c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres") ? "ANALYZE customers" : "ANALYZE TABLE customers");
            s.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, customer_id INT)");
            s.execute("INSERT INTO orders VALUES (100, 1), (101, 2), (102, 2), (103, 29)");
            s.execute("CREATE TABLE features (id INT PRIMARY KEY, contact VARCHAR(80), score DOUBLE PRECISION)");
        }
    }

    /** The README's table declaration: only the URL says Veil. */
    private static String jdbcTable(String name, String columns, String url, Databases.Db db, String table,
            String... options) {
        StringBuilder ddl = new StringBuilder("CREATE TEMPORARY TABLE " + name + " (" + columns + ") WITH ("
                + "'connector' = 'jdbc', 'url' = '" + url + "', 'table-name' = '" + table + "',"
                + " 'username' = '" + db.user() + "', 'password' = ''");
        for (String option : options) {
            ddl.append(", ").append(option);
        }
        return ddl.append(")").toString();
    }

    private String declare(Databases.Db db, String table, String columns, String... options) {
        return declareAt(db.veilUrl(), db, table, columns, options);
    }

    private String declareAt(String url, Databases.Db db, String table, String columns, String... options) {
        String name = db.engine() + "_" + table + "_" + Long.toHexString(System.nanoTime());
        tables.executeSql(jdbcTable(name, columns, url, db, table, options));
        return name;
    }

    private String customers(Databases.Db db, String... options) {
        return declare(db, "customers", "id INT, email STRING, name STRING, score DOUBLE", options);
    }

    private List<Row> collect(String sql) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tables.executeSql(sql).collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** id → the other columns, as the vendor driver reads them. */
    private static Map<Integer, List<Object>> raw(Databases.Db db) throws SQLException {
        Map<Integer, List<Object>> rows = new TreeMap<>();
        try (Connection c = db.openRaw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, email, name, score FROM customers")) {
            while (rs.next()) {
                rows.put(rs.getInt(1), List.of(rs.getString(2), rs.getString(3), rs.getDouble(4)));
            }
        }
        return rows;
    }

    /** Every row masks the e-mail and is otherwise the raw row; each id once. */
    private static void assertMaskedRead(List<Row> rows, Databases.Db db) throws SQLException {
        Map<Integer, List<Object>> raw = raw(db);
        assertThat(rows).hasSize(raw.size()).hasSize(ROWS);
        Map<Integer, Row> byId = new TreeMap<>();
        for (Row row : rows) {
            assertThat(byId.put((Integer) row.getField(0), row)).as("id read twice").isNull();
            assertThat((String) row.getField(1)).matches(MASKED_EMAIL);
            List<Object> vendor = raw.get((Integer) row.getField(0));
            assertThat(vendor.get(0)).isNotEqualTo(row.getField(1));
            assertThat(List.of(row.getField(2), row.getField(3))).isEqualTo(vendor.subList(1, 3));
        }
        assertThat(byId.keySet()).isEqualTo(raw.keySet());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void scanMasksTheSensitiveColumnAndIsOtherwiseTheRawRead(String engine) throws Exception {
        Databases.Db db = databases.of(engine);
        assertMaskedRead(collect("SELECT id, email, name, score FROM " + customers(db)), db);
    }

    /** Three partitions, each its own {@code BETWEEN ? AND ?} query: each masks; together they read every row once. */
    @ParameterizedTest
    @MethodSource("engines")
    void partitionedScanMasksEveryPartition(String engine) throws Exception {
        Databases.Db db = databases.of(engine);
        String table = customers(db, "'scan.partition.column' = 'id'", "'scan.partition.num' = '3'",
                "'scan.partition.lower-bound' = '1'", "'scan.partition.upper-bound' = '" + ROWS + "'",
                "'scan.fetch-size' = '7'");
        assertMaskedRead(collect("SELECT id, email, name, score FROM " + table), db);
        assertThat(collect("SELECT COUNT(*) FROM " + table)).containsExactly(Row.of((long) ROWS));
    }

    /** The lookup side is queried per key ({@code WHERE id = ?}) through Veil: masked too. */
    @ParameterizedTest
    @MethodSource("engines")
    void lookupJoinMasksTheLookedUpColumns(String engine) throws Exception {
        Databases.Db db = databases.of(engine);
        String orders = declare(db, "orders", "order_id INT, customer_id INT, proc_time AS PROCTIME()");
        String customers = customers(db);
        List<Row> rows = collect("SELECT o.order_id, c.id, c.email, c.name FROM " + orders + " AS o JOIN "
                + customers + " FOR SYSTEM_TIME AS OF o.proc_time AS c ON o.customer_id = c.id");
        Map<Integer, List<Object>> raw = raw(db);
        assertThat(rows).hasSize(4);
        for (Row row : rows) {
            assertThat((String) row.getField(2)).matches(MASKED_EMAIL);
            assertThat(row.getField(3)).isEqualTo(raw.get((Integer) row.getField(1)).get(1));
        }
        assertThat(rows.stream().map(r -> (Integer) r.getField(1)).sorted().toList()).containsExactly(1, 2, 2, 29);
    }

    /**
     * A masked read appended, then upserted (primary key: the vendor's upsert statement), into a table whose columns
     * no class claims: the new table holds the masked values; the upsert changed the rows it keyed on.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void appendAndUpsertSinksWriteThroughVeil(String engine) throws Exception {
        Databases.Db db = databases.of(engine);
        String customers = customers(db);
        String append = declare(db, "features", "id INT, contact STRING, score DOUBLE");
        tables.executeSql("INSERT INTO " + append + " SELECT id, email, score FROM " + customers + " WHERE id <= 10")
                .await();
        String upsert = declare(db, "features",
                "id INT, contact STRING, score DOUBLE, PRIMARY KEY (id) NOT ENFORCED");
        tables.executeSql("INSERT INTO " + upsert + " SELECT id, email, score * 2 FROM " + customers).await();

        Map<Integer, List<Object>> raw = raw(db);
        try (Connection c = db.openRaw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, contact, score FROM features")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertThat(rs.getString(2)).matches(MASKED_EMAIL);
                assertThat(rs.getDouble(3)).isEqualTo((Double) raw.get(rs.getInt(1)).get(2) * 2);
            }
            assertThat(n).isEqualTo(ROWS);
        }
    }

    /**
     * A filter on the e-mail (its class denies predicates) is pushed into the connector's query; Veil refuses that
     * query, and the Flink job fails with Veil's refusal: SQLState 42501 and a message naming the column and rule.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void pushedDownFilterOnADeniedClassFailsWithVeilsRefusal(String engine) {
        Databases.Db db = databases.of(engine);
        String customers = customers(db);
        Throwable failure = catchThrowable(() -> collect("SELECT id FROM " + customers
                + " WHERE email = 'user1@example.com'"));
        SQLException refusal = refusal(failure);
        assertThat((Object) refusal).as("Veil's SQLException in the job's failure: %s", failure).isNotNull();
        assertThat(refusal.getSQLState()).isEqualTo("42501");
        assertThat(refusal.getMessage()).startsWith("veil:").containsIgnoringCase("email")
                .contains("rule: predicates: deny");
    }

    private static SQLException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().startsWith("veil:")) {
                return sql;
            }
        }
        return null;
    }

    /**
     * Under a policy that holds exports of more than five rows and no approval server to ask, a partitioned scan of
     * thirty rows fails with Veil's approval error.
     */
    @Test
    void heldExportIsRefusedWithoutAnApprovalServer() throws Exception {
        Databases.Db db = databases.of(engines().get(0));
        Path policy = dir.resolve("held.yaml");
        Files.writeString(policy, "version: 1\napprovals:\n  exportRows: 5\n");
        String held = declareAt(db.veilUrl() + "?veil.policy=" + policy, db, "customers",
                "id INT, email STRING, name STRING, score DOUBLE", "'scan.partition.column' = 'id'",
                "'scan.partition.num' = '3'", "'scan.partition.lower-bound' = '1'",
                "'scan.partition.upper-bound' = '" + ROWS + "'");
        Throwable failure = catchThrowable(() -> collect("SELECT id, email FROM " + held));
        SQLException refusal = refusal(failure);
        assertThat((Object) refusal).as("Veil's SQLException in the job's failure: %s", failure).isNotNull();
        assertThat(refusal.getSQLState()).isEqualTo("42VA1");
    }

    /**
     * One approval per read: a partitioned scan under {@code exportRows: 5} opens exactly one request at the real
     * approval server, for the statement without its partition predicate; approving it lets every partition run.
     */
    @Test
    void partitionedScanAsksForOneApproval() throws Exception {
        Databases.Db db = databases.of(engines().get(0));
        Path policy = dir.resolve("approvals.yaml");
        Files.writeString(policy, "version: 1\napprovals:\n  exportRows: 5\n");
        String token = "flink-it-driver-token-" + databases.name;
        try (IsolatedApprovalServer.Handle server = IsolatedApprovalServer.start(dir, token)) {
            String url = db.veilUrl() + "?veil.policy=" + policy + "&veil.approval.url=" + server.baseUrl()
                    + "&veil.approval.token=" + token + "&veil.requester=analyst@example.com"
                    + "&veil.approval.timeout=60s";
            String table = declareAt(url, db, "customers", "id INT, email STRING, name STRING, score DOUBLE",
                    "'scan.partition.column' = 'id'", "'scan.partition.num' = '3'",
                    "'scan.partition.lower-bound' = '1'", "'scan.partition.upper-bound' = '" + ROWS + "'");
            // planned and submitted here (the table environment is not thread-safe); drained in the background
            TableResult submitted = tables.executeSql("SELECT id, email, name, score FROM " + table);
            CompletableFuture<List<Row>> read = CompletableFuture.supplyAsync(() -> {
                List<Row> rows = new ArrayList<>();
                try (CloseableIterator<Row> it = submitted.collect()) {
                    it.forEachRemaining(rows::add);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
                return rows;
            });
            List<String> pending = List.of();
            for (int i = 0; i < 300 && pending.isEmpty() && !read.isDone(); i++) {
                Thread.sleep(100);
                pending = server.pending();
            }
            Thread.sleep(3_000); // every partition has had time to ask
            pending = server.pending();
            assertThat(pending).as("approval requests of one partitioned read (the read, if it ended: %s)",
                    read.isDone() ? String.valueOf(refusal(catchThrowable(read::join))) : "running").hasSize(1);
            assertThat(pending.get(0)).doesNotContainIgnoringCase("between");
            server.approve(pending.get(0).substring(0, pending.get(0).indexOf('|')));
            assertMaskedRead(read.get(60, TimeUnit.SECONDS), db);
            assertThat(server.pending()).isEmpty();
        }
    }
}
