package dev.veil.spark.it;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Spark reads through Veil under a policy that holds exports of more than five rows, against the real approval
 * server (a process of its own) and a reviewer who approves every card through the REST API: a partitioned read and its
 * count ask once, the card shows the whole read; a different read asks anew. Also: a masked read written back, and a
 * filter Spark pushes down on a column whose class denies predicates. PostgreSQL; one Spark session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkApprovalsIT {

    private static final int ROWS = 30;
    private SparkSession spark;
    private Databases databases;
    private ApprovalServerProcess server;
    private ExecutorService reviewer;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        databases = new Databases();
        dir = Files.createTempDirectory("veil-spark-approvals");
        try (Connection c = databases.postgres.openRaw(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(80), name VARCHAR(40))");
            s.execute("INSERT INTO customers SELECT i, 'user' || i || '@example.com', 'name ' || i"
                    + " FROM generate_series(1, " + ROWS + ") i");
            s.execute("ANALYZE customers");
        }
        server = new ApprovalServerProcess(dir);
        // the reviewer: approves every card as it appears, without a window of their own
        reviewer = Executors.newSingleThreadExecutor();
        reviewer.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (JsonNode r : server.requests("?state=PENDING")) {
                    server.approve(r.get("id").asText());
                }
                Thread.sleep(100);
            }
            return null;
        });
        spark = SparkSession.builder().master("local[2]").appName("veil-spark-approvals-it")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        reviewer.shutdownNow();
        reviewer.awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        databases.close();
    }

    private Properties props(String policyYaml) throws Exception {
        Path policy = Files.createTempFile(dir, "policy", ".yaml");
        Files.writeString(policy, policyYaml);
        Properties p = databases.postgres.credentials();
        p.setProperty("veil.policy", policy.toString());
        p.setProperty("veil.approval.url", server.baseUrl().toString());
        p.setProperty("veil.approval.token", ApprovalServerProcess.DRIVER_TOKEN);
        p.setProperty("veil.requester", "spark-job@example.com");
        p.setProperty("veil.approval.timeout", "60s");
        return p;
    }

    /** The requests a reviewer decided (not those an approval's window let through), oldest first. */
    private List<JsonNode> cards() throws Exception {
        List<JsonNode> cards = new ArrayList<>();
        for (JsonNode r : server.requests("?limit=500")) {
            if (!r.has("approvedUnder")) {
                cards.add(0, r);
            }
        }
        return cards;
    }

    /**
     * Three partitions, their retries and the count are one approval: the card shows the statement without the
     * partition predicate and the whole table's estimate; every later partition runs under that approval. A read of
     * other columns is another read and asks anew.
     */
    @Test
    void aPartitionedReadAndItsCountAskOnceForTheWholeRead() throws Exception {
        Properties props = props("version: 1\napprovals:\n  exportRows: 5\n");
        String url = databases.postgres.veilUrl();
        int before = cards().size();
        Dataset<Row> read = spark.read().jdbc(url, "customers", "id", 1, ROWS + 1, 3, props);
        assertThat(read.rdd().getNumPartitions()).isEqualTo(3);
        List<Row> rows = read.collectAsList();
        assertThat(read.count()).isEqualTo(ROWS);
        assertThat(rows).hasSize(ROWS).allSatisfy(r -> assertThat(r.getString(1)).matches("u\\*\\*\\*@example\\.com"));

        List<JsonNode> cards = cards();
        assertThat(cards).hasSize(before + 1);
        JsonNode card = cards.get(cards.size() - 1);
        assertThat(card.get("state").asText()).isEqualTo("APPROVED");
        JsonNode asked = card.get("request");
        assertThat(asked.get("statement").asText()).isEqualTo("SELECT \"id\",\"email\",\"name\" FROM customers");
        assertThat(asked.get("estimatedRows").asLong()).isEqualTo(ROWS);
        assertThat(asked.get("partitionColumn").asText()).isEqualTo("\"id\"");
        // every other partition's request ran under that approval
        for (JsonNode r : server.requests("?limit=500")) {
            if (r.has("approvedUnder") && r.get("request").get("fingerprint").equals(asked.get("fingerprint"))) {
                assertThat(r.get("approvedUnder").asText()).isEqualTo(card.get("id").asText());
            }
        }

        // the same read again (a retry of the job) runs under the read's approval; other columns are another read
        assertThat(spark.read().jdbc(url, "customers", "id", 1, ROWS + 1, 3, props).collectAsList()).hasSize(ROWS);
        assertThat(cards()).hasSize(before + 1);
        assertThat(read.select("id", "name").collectAsList()).hasSize(ROWS);
        assertThat(cards()).hasSize(before + 2);
        assertThat(cards().get(before + 1).get("request").get("statement").asText())
                .isEqualTo("SELECT \"id\",\"name\" FROM customers");
    }

    /**
     * A filter Spark pushes down on a column whose class denies predicates fails the job with Veil's refusal, not with
     * rows: the partition predicate next to it changes nothing.
     */
    @Test
    void aPushedDownFilterOnAColumnWhosePredicatesAreDeniedIsRefused() throws Exception {
        Properties props = props("version: 1\n");
        Dataset<Row> read = spark.read().jdbc(databases.postgres.veilUrl(), "customers", "id", 1, ROWS + 1, 3, props);
        assertThatThrownBy(() -> read.filter(col("email").equalTo("user7@example.com")).collectAsList())
                .hasStackTraceContaining("predicates: deny");
    }

    /**
     * A masked read written back as it is: the new table's {@code email} column would be classed EMAIL by its name,
     * whose predicates are denied, so Veil refuses Spark's CREATE TABLE — before it runs, saying what to change — and
     * no table is left behind. Renamed to a name no class claims, the masked values are written.
     */
    @Test
    void aMaskedReadWrittenBackIsRefusedBeforeAnyDdlOrWrittenUnderANeutralName() throws Exception {
        Properties props = props("version: 1\n");
        String url = databases.postgres.veilUrl();
        Dataset<Row> read = spark.read().jdbc(url, "customers", "id", 1, ROWS + 1, 3, props);
        assertThatThrownBy(() -> read.write().mode("append").jdbc(url, "features_as_read", props))
                .hasStackTraceContaining("would create column email, which the policy classes")
                .hasStackTraceContaining("withColumnRenamed");
        try (Connection c = databases.postgres.openRaw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('features_as_read') IS NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("no table left behind").isTrue();
        }

        read.withColumnRenamed("email", "contact").write().mode("append").jdbc(url, "features_renamed", props);
        try (Connection c = databases.postgres.openRaw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE contact LIKE 'u***@example.com')"
                     + " FROM features_renamed")) {
            rs.next();
            assertThat(List.of(rs.getInt(1), rs.getInt(2))).containsExactly(ROWS, ROWS);
        }
    }
}
