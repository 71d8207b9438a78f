package dev.veil.spark.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spark in local mode reads and writes through {@code jdbc:veil:} URLs with only the URL changed: the class path holds
 * Spark, the vendor drivers and Veil's self-contained jar, and the test names no Veil class. One Spark session for
 * the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkThroughVeilIT {

    private static final int ROWS = 30;

    private SparkSession spark;
    private Databases databases;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        databases = new Databases();
        dir = Files.createTempDirectory("veil-spark-it");
        for (String engine : List.of("h2", "postgresql", "mariadb")) {
            seed(databases.of(engine));
        }
        spark = SparkSession.builder().master("local[2]").appName("veil-spark-it")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    void stop() throws SQLException {
        if (spark != null) {
            spark.stop();
        }
        databases.close();
    }

    private static void seed(Databases.Db db) throws SQLException {
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            boolean pg = db.engine().equals("postgresql");
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(80), name VARCHAR(40), score REAL"
                    + (pg ? ", tags TEXT[]" : "") + ")");
            for (int i = 1; i <= ROWS; i++) {
                s.execute("INSERT INTO customers VALUES (" + i + ", 'user" + i + "@example.com', 'name " + i
                        + "', " + (i / 4.0) + (pg ? ", ARRAY['t" + i + "', 'x']" : "") + ")");
            }
        }
    }

    private Properties options(Databases.Db db) {
        return db.credentials();
    }

    private Dataset<Row> partitioned(String url, Databases.Db db) {
        return spark.read().option("fetchsize", "7")
                .jdbc(url, "customers", "id", 1, ROWS + 1, 3, options(db));
    }

    /**
     * Every partition masks the sensitive column; the others are what a raw read gives; counts are equal. Spark uses
     * its own dialect for the wrapped URL (registered when the driver loaded), so PostgreSQL arrays and {@code real}
     * read as without Veil.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void partitionedReadMasksEveryPartitionAndIsOtherwiseTheRawRead(String engine) {
        Databases.Db db = databases.of(engine);
        Dataset<Row> raw = partitioned(db.sparkUrl(), db);
        Dataset<Row> veil = partitioned(db.veilUrl(), db);

        assertThat(JdbcDialects.get(db.veilUrl()).getClass().getName()).endsWith(".VeilDialect");
        // the masked column keeps its Spark type; its declared length is the mask expression's
        assertThat(veil.schema().apply(1).dataType()).isEqualTo(raw.schema().apply(1).dataType());
        assertThat(veil.drop("email").schema().json()).isEqualTo(raw.drop("email").schema().json());
        assertThat(veil.rdd().getNumPartitions()).isEqualTo(3);
        assertThat(veil.count()).isEqualTo(raw.count()).isEqualTo(ROWS);
        assertThat(veil.drop("email").orderBy("id").collectAsList())
                .isEqualTo(raw.drop("email").orderBy("id").collectAsList());
        List<String> emails = veil.select("email").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(emails).hasSize(ROWS).allSatisfy(e -> assertThat(e).matches("u\\*\\*\\*@example\\.com"));
    }

    /** Spark's dialect for the wrapped URL creates the table: boolean, binary and byte columns get real types. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void writesBooleanBinaryAndByteColumnsIntoANewTable(String engine) throws SQLException {
        Databases.Db db = databases.of(engine);
        Dataset<Row> typed = spark.sql("SELECT CAST(id AS INT) AS id, id % 2 = 0 AS flag,"
                + " CAST(CONCAT('b', id) AS BINARY) AS bytes, CAST(id AS TINYINT) AS tiny FROM range(5)");
        typed.write().mode("append").jdbc(db.veilUrl(), "typed", options(db));

        String q = engine.equals("mariadb") ? "`" : "\"";  // Spark's dialects quote the names they create
        try (Connection c = db.openRaw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN " + q + "flag" + q + " THEN 1 ELSE 0 END),"
                     + " SUM(" + q + "tiny" + q + ") FROM typed")) {
            rs.next();
            assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).containsExactly(5, 3, 10);
        }
        try (Connection c = db.openRaw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + q + "bytes" + q + " FROM typed WHERE " + q + "id" + q
                     + " = 4")) {
            rs.next();
            assertThat(rs.getBytes(1)).isEqualTo("b4".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A masked read written back through Veil, its masked column renamed to a name no class claims (README, "Spark"):
     * the new table holds the masked values.
     */
    @Test
    void maskedReadWrittenBackUnderANeutralName() throws SQLException {
        Databases.Db db = databases.postgres;
        partitioned(db.veilUrl(), db).withColumnRenamed("email", "contact")
                .write().mode("append").jdbc(db.veilUrl(), "features", options(db));
        try (Connection c = db.openRaw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE contact LIKE 'u***@example.com')"
                     + " FROM features")) {
            rs.next();
            assertThat(List.of(rs.getInt(1), rs.getInt(2))).containsExactly(ROWS, ROWS);
        }
    }

    /**
     * Under a policy that holds exports of more than five rows and no approval server, the schema probe still runs
     * (it returns no rows), and the read itself is held — and, with no server to ask, refused with Veil's message.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void schemaProbeNeedsNoApproval(String engine) throws Exception {
        Databases.Db db = databases.of(engine);
        Path policy = dir.resolve("held-" + engine + ".yaml");
        Files.writeString(policy, "version: 1\napprovals:\n  exportRows: 5\n");
        Properties props = options(db);
        props.setProperty("veil.policy", policy.toString());
        Dataset<Row> held = spark.read().jdbc(db.veilUrl(), "customers", props);
        assertThat(held.schema().fieldNames()).hasSize(engine.equals("postgresql") ? 5 : 4);
        assertThatThrownBy(held::collectAsList).hasStackTraceContaining("approval");
    }
}
