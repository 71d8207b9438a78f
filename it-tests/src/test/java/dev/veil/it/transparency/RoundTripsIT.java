package dev.veil.it.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In steady state Veil sends the database what the application asked for and nothing else: no statement of its own
 * per execution, per prepared statement or per connection borrowed from a pool (its catalog check runs once per
 * {@code veil.catalog.check} interval, set long here so that it cannot land in a counted window). Counted by the
 * server, on the session's own connection: MariaDB's {@code Com_*} status counters, before and after a number of
 * operations through Veil, against the same operations through the vendor driver alone.
 */
class RoundTripsIT {

    private static final int OPERATIONS = 25;
    private static final String TABLE = "veil_rt_customers";
    private static final String MASKED = "SELECT id, email FROM " + TABLE + " WHERE id = ?";
    private static final String PLAIN = "SELECT id, city FROM " + TABLE + " WHERE id = ?";

    private static final TestDatabase DB = TestDatabases.mariadb();

    @FunctionalInterface
    private interface Operation {
        void run(Connection connection, int id) throws SQLException;
    }

    @BeforeAll
    static void table() throws SQLException {
        try (Connection c = DB.openRaw(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, email VARCHAR(80), city VARCHAR(40))");
            for (int id = 1; id <= 100; id++) {
                s.execute("INSERT INTO " + TABLE + " VALUES (" + id + ", 'user" + id + "@example.com', 'city"
                        + id % 7 + "')");
            }
        }
    }

    @AfterAll
    static void dropTable() throws SQLException {
        try (Connection c = DB.openRaw(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @Test
    void aPreparedStatementExecutedAgainSendsOneStatementPerExecution() throws SQLException {
        for (String sql : new String[] {MASKED, PLAIN}) {
            assertSameAsVendor("prepared once, executed " + OPERATIONS + " times: " + sql, c -> {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    return counted(c, (unused, id) -> {
                        p.setInt(1, id);
                        read(p.executeQuery());
                    });
                }
            });
        }
    }

    @Test
    void aStatementPreparedEachTimeSendsOneStatementPerExecution() throws SQLException {
        assertSameAsVendor("prepared and closed each time", c -> counted(c, (connection, id) -> {
            try (PreparedStatement p = connection.prepareStatement(MASKED)) {
                p.setInt(1, id);
                read(p.executeQuery());
            }
        }));
    }

    @Test
    void plainStatementsWithANewLiteralEachTimeSendOneStatementEach() throws SQLException {
        for (String column : new String[] {"email", "city"}) {
            assertSameAsVendor("plain statements, new literal, " + column, c -> counted(c, (connection, id) -> {
                try (Statement s = connection.createStatement()) {
                    read(s.executeQuery("SELECT id, " + column + " FROM " + TABLE + " WHERE id = " + id));
                }
            }));
        }
    }

    @Test
    void aPooledConnectionBorrowedPreparedExecutedAndReturnedSendsOneStatementPerCycle() throws SQLException {
        long vendor = pooled(DB.url(), DB.credentials());
        long veil = pooled(DB.veilUrl(), veilSettings());
        assertThat(vendor).as("the vendor driver's statements per " + OPERATIONS + " pool cycles")
                .isEqualTo(OPERATIONS);
        assertThat(veil).as("Veil's statements per " + OPERATIONS + " pool cycles").isEqualTo(vendor);
    }

    /** Server statements of {@link #OPERATIONS} borrow-prepare-execute-return cycles on a pool of one connection. */
    private static long pooled(String url, Properties properties) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(1);
        config.setPoolName("veil-it-round-trips");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Operation cycle = (unused, id) -> {
                try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(MASKED)) {
                    p.setInt(1, id);
                    read(p.executeQuery());
                }
            };
            for (int id = 1; id <= 5; id++) {
                cycle.run(null, id);
            }
            long before;
            try (Connection c = pool.getConnection()) {
                before = statements(c);
            }
            for (int id = 1; id <= OPERATIONS; id++) {
                cycle.run(null, 10 + id);
            }
            try (Connection c = pool.getConnection()) {
                return statements(c) - before;
            }
        }
    }

    @FunctionalInterface
    private interface Counted {
        long on(Connection connection) throws SQLException;
    }

    private static void assertSameAsVendor(String what, Counted counted) throws SQLException {
        long vendor;
        try (Connection c = DB.openRaw()) {
            vendor = counted.on(c);
        }
        long veil;
        try (Connection c = DB.openVeil(veilSettings())) {
            veil = counted.on(c);
        }
        assertThat(vendor).as("the vendor driver's statements, " + what).isEqualTo(OPERATIONS);
        assertThat(veil).as("Veil's statements, " + what).isEqualTo(vendor);
    }

    /** The statements the server counted for {@link #OPERATIONS} runs of {@code op} after a few to warm up. */
    private static long counted(Connection c, Operation op) throws SQLException {
        for (int id = 1; id <= 5; id++) {
            op.run(c, id);
        }
        long before = statements(c);
        for (int id = 1; id <= OPERATIONS; id++) {
            op.run(c, 10 + id);
        }
        return statements(c) - before;
    }

    /** The session's statements so far, as its {@code Com_*} counters say, without the SHOW STATUS that reads them. */
    private static long statements(Connection c) throws SQLException {
        long total = 0;
        // SHOW STATUS is the session's; the forms with LIKE or WHERE are statements Veil's parser does not read
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW STATUS")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.regionMatches(true, 0, "Com_", 0, 4) && !name.equalsIgnoreCase("Com_show_status")) {
                    total += rs.getLong(2);
                }
            }
        }
        return total;
    }

    private static void read(ResultSet rs) throws SQLException {
        try (rs) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isNotNull();
        }
    }

    private static Properties veilSettings() {
        Properties properties = DB.credentials();
        properties.setProperty("veil.catalog.check", "1h");
        return properties;
    }
}
