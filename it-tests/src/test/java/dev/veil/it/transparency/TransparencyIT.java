package dev.veil.it.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.support.ResultSnapshot;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With no policy, Veil behaves exactly like the vendor driver: each test does the same thing through the vendor
 * driver and through Veil, side by side, and compares everything the caller can observe.
 */
class TransparencyIT {

    private static final String TYPES = "veil_it_tr_types";

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void everyCommonColumnTypeAndNullReadsTheSame(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            createTypesTable(raw, db.engine());
            try {
                String query = "SELECT * FROM " + TYPES + " ORDER BY id";
                assertThat(ResultSnapshot.query(veil, query)).isEqualTo(ResultSnapshot.query(raw, query));
                assertThat(ResultSnapshot.query(veil, query).rows()).hasSize(3);

                String filtered = "SELECT id, v, d, dt FROM " + TYPES + " WHERE i = ? OR v = ? OR dt = ? ORDER BY id";
                assertThat(preparedSnapshot(veil, filtered)).isEqualTo(preparedSnapshot(raw, filtered));
                assertThat(preparedSnapshot(veil, filtered).rows()).hasSize(2);
            } finally {
                execute(raw, "DROP TABLE " + TYPES);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void batchesGeneratedKeysAndUpdateCountsAreTheSame(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            assertThat(writeEverything(veil, db.engine(), "veil_it_tr_w_veil"))
                    .isEqualTo(writeEverything(raw, db.engine(), "veil_it_tr_w_raw"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void transactionsAndSavepointsBehaveTheSame(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            assertThat(transactionOutcome(veil, db.engine(), "veil_it_tr_tx_veil"))
                    .isEqualTo(transactionOutcome(raw, db.engine(), "veil_it_tr_tx_raw"))
                    .containsExactly("after rollback to savepoint: 1", "after commit: 1", "after rollback: 1",
                            "isolation kept: true");
        }
    }

    /**
     * Built-in functions are called as they are; a stored procedure's code is beyond Veil's sight, so the procedure is
     * one a DBA listed under {@code routines.trusted}.
     */
    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void callableStatementsReturnTheSameOutValues(TestDatabase db, @TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "version: 1\nroutines:\n  trusted: [veil_it_tr_double]\n");
        Properties trusting = new Properties();
        trusting.setProperty("veil.policy", policy.toString());
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil(trusting)) {
            if (db.engine() == Engine.MARIADB) {
                execute(raw, "DROP PROCEDURE IF EXISTS veil_it_tr_double");
                execute(raw, "CREATE PROCEDURE veil_it_tr_double(IN x INT, OUT y INT) SET y = x * 2");
            }
            try {
                assertThat(callOutcome(veil, db.engine())).isEqualTo(callOutcome(raw, db.engine()))
                        .isEqualTo(db.engine() == Engine.MARIADB ? "42" : "ABC");
            } finally {
                if (db.engine() == Engine.MARIADB) {
                    execute(raw, "DROP PROCEDURE veil_it_tr_double");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#servers")
    void multipleResultsFromOneExecuteAreTheSame(TestDatabase db) throws SQLException {
        Properties multi = new Properties();
        if (db.engine() == Engine.MARIADB) {
            multi.setProperty("allowMultiQueries", "true");
        }
        Properties rawProps = db.credentials();
        rawProps.putAll(multi);
        try (Connection raw = java.sql.DriverManager.getConnection(db.url(), rawProps);
             Connection veil = db.openVeil(multi)) {
            String sql = "SELECT 1 AS a; SELECT 'x' AS b, 2 AS c";
            assertThat(allResults(veil, sql)).isEqualTo(allResults(raw, sql)).hasSize(3);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void warningsReachTheCallerUnchanged(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            List<String> expected = warningsOf(raw, "DROP TABLE IF EXISTS veil_it_tr_never_created");
            assertThat(warningsOf(veil, "DROP TABLE IF EXISTS veil_it_tr_never_created")).isEqualTo(expected);
            if (db.engine() != Engine.H2) {
                assertThat(expected).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void databaseMetaDataAnswersTheSame(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            createTypesTable(raw, db.engine());
            try {
                assertThat(metaData(veil, db.engine())).isEqualTo(metaData(raw, db.engine()));
                assertThat(veil.getMetaData().getURL()).isEqualTo("jdbc:veil:" + raw.getMetaData().getURL()
                        .substring("jdbc:".length()));
            } finally {
                execute(raw, "DROP TABLE " + TYPES);
            }
        }
    }

    /** Notebooks and ORMs read the databases' own metadata relations with plain SQL; those are not data. */
    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void informationSchemaQueriesAnswerTheSame(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            createTypesTable(raw, db.engine());
            try {
                String table = db.engine() == Engine.H2 ? TYPES.toUpperCase() : TYPES;
                for (String query : List.of(
                        "SELECT column_name, data_type, is_nullable FROM information_schema.columns"
                                + " WHERE table_name = '" + table + "' ORDER BY ordinal_position",
                        "SELECT table_name, table_type FROM information_schema.tables WHERE table_name = '"
                                + table + "'")) {
                    ResultSnapshot expected = ResultSnapshot.query(raw, query);
                    assertThat(expected.rows()).isNotEmpty();
                    assertThat(ResultSnapshot.query(veil, query)).isEqualTo(expected);
                }
                if (db.engine() == Engine.POSTGRESQL) {
                    String query = "SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = '" + TYPES
                            + "'::regclass AND attnum > 0 ORDER BY attnum";
                    assertThat(ResultSnapshot.query(veil, query)).isEqualTo(ResultSnapshot.query(raw, query));
                }
            } finally {
                execute(raw, "DROP TABLE " + TYPES);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void connectionPropertiesPassThrough(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            assertThat(connectionState(veil)).isEqualTo(connectionState(raw));
            veil.setReadOnly(true);
            raw.setReadOnly(true);
            veil.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            raw.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(connectionState(veil)).isEqualTo(connectionState(raw));
            try (Statement v = veil.createStatement(); Statement r = raw.createStatement()) {
                v.setFetchSize(123);
                r.setFetchSize(123);
                v.setMaxRows(7);
                r.setMaxRows(7);
                assertThat(List.of(v.getFetchSize(), v.getMaxRows(), v.getResultSetType(), v.getResultSetConcurrency()))
                        .isEqualTo(List.of(r.getFetchSize(), r.getMaxRows(), r.getResultSetType(),
                                r.getResultSetConcurrency()));
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static void createTypesTable(Connection raw, Engine engine) throws SQLException {
        execute(raw, "DROP TABLE IF EXISTS " + TYPES);
        execute(raw, switch (engine) {
            case H2 -> "CREATE TABLE " + TYPES + " (id INT PRIMARY KEY, i INT, b BIGINT, s SMALLINT,"
                    + " d DECIMAL(12,3), r REAL, f DOUBLE PRECISION, bo BOOLEAN, v VARCHAR(50), t CLOB,"
                    + " c CHAR(5), dt DATE, tm TIME, ts TIMESTAMP, tstz TIMESTAMP WITH TIME ZONE,"
                    + " bin VARBINARY(16), u UUID, j JSON, arr INT ARRAY)";
            case POSTGRESQL -> "CREATE TABLE " + TYPES + " (id int PRIMARY KEY, i int, b bigint, s smallint,"
                    + " d numeric(12,3), r real, f double precision, bo boolean, v varchar(50), t text,"
                    + " c char(5), dt date, tm time, ts timestamp, tstz timestamptz, bin bytea, u uuid,"
                    + " j jsonb, arr int[])";
            case MARIADB -> "CREATE TABLE " + TYPES + " (id INT PRIMARY KEY, i INT, b BIGINT, s SMALLINT,"
                    + " d DECIMAL(12,3), r FLOAT, f DOUBLE, bo BOOLEAN, v VARCHAR(50), t TEXT, c CHAR(5),"
                    + " dt DATE, tm TIME, ts DATETIME(3), tstz TIMESTAMP(3) NULL, bin VARBINARY(16), u UUID,"
                    + " j JSON, arr TEXT)";
        });
        String insert = "INSERT INTO " + TYPES + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + (engine == Engine.POSTGRESQL ? "?::jsonb" : engine == Engine.H2 ? "? FORMAT JSON" : "?") + ", ?)";
        try (PreparedStatement p = raw.prepareStatement(insert)) {
            fillRow(p, 1, 42, Long.MAX_VALUE, (short) -7, new BigDecimal("123456789.125"), 1.5f, Math.PI, true,
                    "héllo wörld ✓", "long text", "ab", Date.valueOf("2024-02-29"), Time.valueOf("13:45:30"),
                    Timestamp.valueOf("2024-02-29 13:45:30.123"), new byte[] {1, 2, (byte) 0xff},
                    UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), "{\"k\": [1, 2]}", raw, engine);
            fillRow(p, 2, 0, 0L, (short) 0, BigDecimal.ZERO, 0f, -0.0, false, "", "", "", Date.valueOf("0001-01-01"),
                    Time.valueOf("00:00:00"), Timestamp.valueOf("2000-01-01 00:00:00"), new byte[0],
                    new UUID(0, 0), "{}", raw, engine);
            p.setInt(1, 3);
            for (int i = 2; i <= 19; i++) {
                p.setNull(i, Types.NULL);
            }
            p.executeUpdate();
        }
    }

    private static void fillRow(PreparedStatement p, int id, int i, long b, short s, BigDecimal d, float r, double f,
                                boolean bo, String v, String t, String c, Date dt, Time tm, Timestamp ts,
                                byte[] bin, UUID u, String json, Connection raw, Engine engine) throws SQLException {
        p.setInt(1, id);
        p.setInt(2, i);
        p.setLong(3, b);
        p.setShort(4, s);
        p.setBigDecimal(5, d);
        p.setFloat(6, r);
        p.setDouble(7, f);
        p.setBoolean(8, bo);
        p.setString(9, v);
        p.setString(10, t);
        p.setString(11, c);
        p.setDate(12, dt);
        p.setTime(13, tm);
        p.setTimestamp(14, ts);
        p.setTimestamp(15, ts);
        p.setBytes(16, bin);
        if (engine == Engine.MARIADB) {
            p.setString(17, u.toString());
        } else {
            p.setObject(17, u);
        }
        p.setString(18, json);
        if (engine == Engine.MARIADB) {
            p.setString(19, "[" + id + "]");
        } else {
            p.setArray(19, raw.createArrayOf("INTEGER", new Integer[] {id, null, -id}));
        }
        p.executeUpdate();
    }


    private static ResultSnapshot preparedSnapshot(Connection c, String query) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(query)) {
            p.setInt(1, 42);
            p.setString(2, "");
            p.setDate(3, Date.valueOf("1999-01-01"));
            try (ResultSet rs = p.executeQuery()) {
                return ResultSnapshot.of(rs);
            }
        }
    }

    private static List<String> writeEverything(Connection c, Engine engine, String table) throws SQLException {
        List<String> outcome = new ArrayList<>();
        execute(c, "DROP TABLE IF EXISTS " + table);
        execute(c, "CREATE TABLE " + table + " (id " + switch (engine) {
            case H2 -> "INT GENERATED BY DEFAULT AS IDENTITY";
            case POSTGRESQL -> "serial";
            case MARIADB -> "INT AUTO_INCREMENT";
        } + " PRIMARY KEY, v VARCHAR(20))");
        try (Statement s = c.createStatement()) {
            outcome.add("update count " + s.executeUpdate("INSERT INTO " + table + "(v) VALUES ('a')",
                    Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = s.getGeneratedKeys()) {
                outcome.add("keys " + ResultSnapshot.of(keys));
            }
            s.addBatch("INSERT INTO " + table + "(v) VALUES ('b')");
            s.addBatch("INSERT INTO " + table + "(v) VALUES ('c')");
            s.addBatch("UPDATE " + table + " SET v = 'z' WHERE v IN ('a', 'b')");
            outcome.add("batch " + java.util.Arrays.toString(s.executeBatch()));
            outcome.add("large update " + s.executeLargeUpdate("UPDATE " + table + " SET v = 'y'"));
            outcome.add("execute " + s.execute("DELETE FROM " + table + " WHERE v = 'nothing'") + " "
                    + s.getUpdateCount());
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + "(v) VALUES (?)",
                new String[] {engine == Engine.H2 ? "ID" : "id"})) {
            for (String v : List.of("p", "q", "r")) {
                p.setString(1, v);
                p.addBatch();
            }
            outcome.add("prepared batch " + java.util.Arrays.toString(p.executeBatch()));
            p.setString(1, "s");
            outcome.add("prepared update " + p.executeUpdate());
            try (ResultSet keys = p.getGeneratedKeys()) {
                outcome.add("prepared keys " + ResultSnapshot.of(keys).rows());
            }
        }
        outcome.add("final " + ResultSnapshot.query(c, "SELECT id, v FROM " + table + " ORDER BY id").rows());
        execute(c, "DROP TABLE " + table);
        return outcome;
    }

    private static List<String> transactionOutcome(Connection c, Engine engine, String table) throws SQLException {
        execute(c, "DROP TABLE IF EXISTS " + table);
        execute(c, "CREATE TABLE " + table + " (id INT PRIMARY KEY)");
        List<String> outcome = new ArrayList<>();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " VALUES (1)");
            Savepoint savepoint = c.setSavepoint("veil_sp");
            s.executeUpdate("INSERT INTO " + table + " VALUES (2)");
            c.rollback(savepoint);
            outcome.add("after rollback to savepoint: " + count(s, table));
            c.commit();
            outcome.add("after commit: " + count(s, table));
            s.executeUpdate("INSERT INTO " + table + " VALUES (3)");
            c.rollback();
            outcome.add("after rollback: " + count(s, table));
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        outcome.add("isolation kept: " + (c.getTransactionIsolation() == isolation));
        execute(c, "DROP TABLE " + table);
        return outcome;
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String callOutcome(Connection c, Engine engine) throws SQLException {
        if (engine == Engine.MARIADB) {
            try (CallableStatement call = c.prepareCall("{call veil_it_tr_double(?, ?)}")) {
                call.setInt(1, 21);
                call.registerOutParameter(2, Types.INTEGER);
                call.execute();
                return String.valueOf(call.getInt(2));
            }
        }
        try (CallableStatement call = c.prepareCall("{? = call upper(?)}")) {
            call.registerOutParameter(1, Types.VARCHAR);
            call.setString(2, "abc");
            call.execute();
            return call.getString(1);
        }
    }

    private static List<String> allResults(Connection c, String sql) throws SQLException {
        List<String> results = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            boolean isResultSet = s.execute(sql);
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = s.getResultSet()) {
                        results.add("result " + ResultSnapshot.of(rs));
                    }
                } else {
                    int count = s.getUpdateCount();
                    results.add("update count " + count);
                    if (count == -1) {
                        break;
                    }
                }
                isResultSet = s.getMoreResults();
            }
        }
        return results;
    }

    private static List<String> warningsOf(Connection c, String sql) throws SQLException {
        List<String> warnings = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getSQLState() + " " + w.getErrorCode() + " " + w.getMessage());
            }
        }
        return warnings;
    }

    private static List<Object> metaData(Connection c, Engine engine) throws SQLException {
        var md = c.getMetaData();
        String table = engine == Engine.H2 ? TYPES.toUpperCase() : TYPES;
        String schema = switch (engine) {
            case H2 -> "PUBLIC";
            case POSTGRESQL -> "public";
            case MARIADB -> null;
        };
        List<Object> answers = new ArrayList<>(List.of(md.getDatabaseProductName(), md.getDatabaseProductVersion(),
                md.getDriverName(), md.getDriverVersion(), md.getIdentifierQuoteString(),
                md.supportsTransactions(), md.supportsBatchUpdates(), md.supportsSavepoints(),
                md.getDefaultTransactionIsolation(), md.storesLowerCaseIdentifiers(),
                md.storesUpperCaseIdentifiers(), md.getSearchStringEscape(), md.getMaxConnections()));
        try (ResultSet rs = md.getTables(null, schema, table, null)) {
            answers.add(ResultSnapshot.of(rs));
        }
        try (ResultSet rs = md.getColumns(null, schema, table, null)) {
            answers.add(ResultSnapshot.of(rs));
        }
        try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
            answers.add(ResultSnapshot.of(rs));
        }
        try (ResultSet rs = md.getIndexInfo(null, schema, table, false, false)) {
            answers.add(ResultSnapshot.of(rs));
        }
        try (ResultSet rs = md.getTypeInfo()) {
            answers.add(ResultSnapshot.of(rs));
        }
        return answers;
    }

    private static List<Object> connectionState(Connection c) throws SQLException {
        return List.of(c.getAutoCommit(), c.isReadOnly(), c.getTransactionIsolation(), c.getHoldability(),
                String.valueOf(c.getCatalog()), String.valueOf(c.getSchema()), c.isValid(2),
                c.getNetworkTimeout());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
