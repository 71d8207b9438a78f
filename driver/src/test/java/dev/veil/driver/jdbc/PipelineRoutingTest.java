package dev.veil.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.driver.config.VeilConfig;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPipeline;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every SQL entry point of the JDBC surface hands its statement to the pipeline, and runs what the pipeline planned.
*/
class PipelineRoutingTest {

    private static final String URL = "jdbc:h2:mem:routing;DB_CLOSE_DELAY=-1";
    private final RecordingStage recorder = new RecordingStage();
    private Connection raw;
    private Connection veil;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection(URL);
        veil = wrap(raw, recorder);
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (id INT AUTO_INCREMENT PRIMARY KEY, v INT)");
            s.execute("CREATE ALIAS IF NOT EXISTS twice FOR \"java.lang.Math.multiplyExact(int,int)\"");
        }
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = raw.createStatement()) {
            s.execute("DROP TABLE t");
        }
        veil.close();
        assertThat(raw.isClosed()).isTrue();
    }

    private static Connection openWith(Stage... stages) throws SQLException {
        return wrap(DriverManager.getConnection(URL), stages);
    }

    private static Connection wrap(Connection raw, Stage... stages) {
        return VeilConnection.wrap(raw, Session.builder(VeilConfig.defaults(),
                new StatementPipeline(List.of(stages))).build());
    }

    @Test
    void statementEntryPointsArePlannedAndExecutedThroughThePipeline() throws SQLException {
        try (Statement s = veil.createStatement()) {
            s.executeQuery("SELECT 1").close();
            s.execute("SELECT 2");
            s.execute("INSERT INTO t(v) VALUES (1)", Statement.RETURN_GENERATED_KEYS);
            s.execute("INSERT INTO t(v) VALUES (2)", new int[] {1});
            s.execute("INSERT INTO t(v) VALUES (3)", new String[] {"ID"});
            s.executeUpdate("UPDATE t SET v = 4");
            s.executeUpdate("UPDATE t SET v = 5", Statement.NO_GENERATED_KEYS);
            s.executeUpdate("UPDATE t SET v = 6", new int[] {1});
            s.executeUpdate("UPDATE t SET v = 7", new String[] {"ID"});
            s.executeLargeUpdate("UPDATE t SET v = 8");
            s.executeLargeUpdate("UPDATE t SET v = 9", Statement.NO_GENERATED_KEYS);
            s.executeLargeUpdate("UPDATE t SET v = 10", new int[] {1});
            s.executeLargeUpdate("UPDATE t SET v = 11", new String[] {"ID"});
            s.addBatch("UPDATE t SET v = 12");
            s.addBatch("UPDATE t SET v = 13");
            s.executeBatch();
        }
        assertThat(recorder.planned).containsExactly(
                "QUERY:SELECT 1", "EXECUTE:SELECT 2",
                "EXECUTE:INSERT INTO t(v) VALUES (1)", "EXECUTE:INSERT INTO t(v) VALUES (2)",
                "EXECUTE:INSERT INTO t(v) VALUES (3)",
                "UPDATE:UPDATE t SET v = 4", "UPDATE:UPDATE t SET v = 5", "UPDATE:UPDATE t SET v = 6",
                "UPDATE:UPDATE t SET v = 7", "UPDATE:UPDATE t SET v = 8", "UPDATE:UPDATE t SET v = 9",
                "UPDATE:UPDATE t SET v = 10", "UPDATE:UPDATE t SET v = 11",
                "BATCH:UPDATE t SET v = 12", "BATCH:UPDATE t SET v = 13");
        assertThat(recorder.executed).hasSize(14)
                .endsWith("BATCH:UPDATE t SET v = 12;\nUPDATE t SET v = 13");
    }

    @Test
    void preparedAndCallableStatementsArePlannedOnceAndEveryExecutionPassesThePipeline() throws SQLException {
        List<PreparedStatement> prepared = List.of(
                veil.prepareStatement("SELECT 1"),
                veil.prepareStatement("SELECT 2", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY),
                veil.prepareStatement("SELECT 3", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                        ResultSet.CLOSE_CURSORS_AT_COMMIT),
                veil.prepareStatement("INSERT INTO t(v) VALUES (?)", Statement.RETURN_GENERATED_KEYS),
                veil.prepareStatement("INSERT INTO t(v) VALUES (?)", new int[] {1}),
                veil.prepareStatement("INSERT INTO t(v) VALUES (?)", new String[] {"ID"}));
        List<CallableStatement> callable = List.of(
                veil.prepareCall("CALL twice(?, 2)"),
                veil.prepareCall("CALL twice(?, 3)", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY),
                veil.prepareCall("CALL twice(?, 4)", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                        ResultSet.CLOSE_CURSORS_AT_COMMIT));
        assertThat(veil.nativeSQL("SELECT {fn abs(-1)}")).isEqualTo(raw.nativeSQL("SELECT {fn abs(-1)}"));
        assertThat(recorder.planned).containsExactly(
                "PREPARE:SELECT 1", "PREPARE:SELECT 2", "PREPARE:SELECT 3",
                "PREPARE:INSERT INTO t(v) VALUES (?)", "PREPARE:INSERT INTO t(v) VALUES (?)",
                "PREPARE:INSERT INTO t(v) VALUES (?)",
                "PREPARE_CALL:CALL twice(?, 2)", "PREPARE_CALL:CALL twice(?, 3)", "PREPARE_CALL:CALL twice(?, 4)",
                "NATIVE_SQL:SELECT {fn abs(-1)}");
        assertThat(recorder.executed).isEmpty();

        PreparedStatement select = prepared.get(0);
        select.executeQuery().close();
        select.execute();
        PreparedStatement insert = prepared.get(3);
        insert.setInt(1, 5);
        insert.executeUpdate();
        insert.setInt(1, 6);
        insert.executeLargeUpdate();
        insert.setInt(1, 7);
        insert.addBatch();
        insert.executeBatch();
        CallableStatement call = callable.get(0);
        call.setInt(1, 21);
        call.execute();
        assertThat(recorder.executed).containsExactly(
                "PREPARE:SELECT 1", "PREPARE:SELECT 1",
                "PREPARE:INSERT INTO t(v) VALUES (?)", "PREPARE:INSERT INTO t(v) VALUES (?)",
                "PREPARE:INSERT INTO t(v) VALUES (?)", "PREPARE_CALL:CALL twice(?, 2)");
        assertThat(recorder.planned).hasSize(10);
        for (PreparedStatement p : prepared) {
            p.close();
        }
        for (CallableStatement c : callable) {
            c.close();
        }
    }

    @Test
    void theVendorRunsWhatThePipelinePlanned() throws SQLException {
        Stage rewriter = new Stage() {
            @Override
            public void plan(Session session, StatementPlan.Builder plan) {
                plan.sql(plan.originalSql().replace("41", "42"));
            }
        };
        try (Connection c = openWith(rewriter);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 41");
             PreparedStatement p = c.prepareStatement("SELECT 41")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
            try (ResultSet prs = p.executeQuery()) {
                prs.next();
                assertThat(prs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void aStageThatRefusesStopsTheStatementBeforeTheVendorSeesIt() throws SQLException {
        Stage refuser = new Stage() {
            @Override
            public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
                if (plan.originalSql().contains("DROP")) {
                    throw VeilErrors.refused("DROP is not allowed (rule: test)");
                }
            }
        };
        try (Connection c = openWith(refuser); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DROP TABLE t")).hasMessage("veil: DROP is not allowed (rule: test)");
            assertThatThrownBy(() -> c.prepareStatement("DROP TABLE t")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.addBatch("DROP TABLE t")).isInstanceOf(SQLException.class);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                assertThat(rs.next()).isTrue(); // the table is still there
            }
        }
    }

    @Test
    void entriesCoverEveryFamily() {
        assertThat(Entry.values()).extracting(Enum::name).containsExactlyInAnyOrder(
                "EXECUTE", "QUERY", "UPDATE", "BATCH", "PREPARE", "PREPARE_CALL", "NATIVE_SQL");
    }
}
