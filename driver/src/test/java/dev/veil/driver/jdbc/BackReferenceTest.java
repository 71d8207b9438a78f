package dev.veil.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.driver.errors.VeilErrors;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcResultSet;
import org.h2.jdbc.JdbcStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No route from a Veil object leads to a vendor object: back-references return wrappers, unwrap is refused. */
class BackReferenceTest {

    private Connection veil;

    private Connection raw;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection("jdbc:h2:mem:backrefs;DB_CLOSE_DELAY=-1");
        try (Statement s = raw.createStatement()) {
            // H2's array column type is beyond the SQL parser: set up through the vendor driver
            s.execute("CREATE TABLE IF NOT EXISTS t (id INT AUTO_INCREMENT PRIMARY KEY, tags INT ARRAY)");
            s.execute("INSERT INTO t(tags) VALUES (ARRAY[1, 2])");
        }
        veil = DriverManager.getConnection("jdbc:veil:h2:mem:backrefs;DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() throws SQLException {
        veil.close();
        try (Statement s = raw.createStatement()) {
            s.execute("DROP TABLE t");
        }
        raw.close();
    }

    @Test
    void statementsAndResultSetsLeadBackToTheirWrappers() throws SQLException {
        assertThat(veil).isInstanceOf(VeilConnection.class);
        Statement statement = veil.createStatement();
        assertThat(statement).isInstanceOf(VeilStatement.class);
        assertThat(statement.getConnection()).isSameAs(veil);

        ResultSet rs = statement.executeQuery("SELECT id, tags FROM t");
        assertThat(rs).isInstanceOf(VeilResultSet.class);
        assertThat(rs.getStatement()).isSameAs(statement);
        assertThat(statement.getResultSet()).isSameAs(rs);

        rs.next();
        Array array = rs.getArray(2);
        assertThat(array).isInstanceOf(VeilArray.class);
        try (ResultSet elements = array.getResultSet()) {
            assertThat(elements).isInstanceOf(VeilResultSet.class);
            Statement elementsStatement = elements.getStatement();
            if (elementsStatement != null) {
                assertThat(elementsStatement.getConnection()).isSameAs(veil);
            }
        }
        assertThat(rs.getObject(2)).isInstanceOf(VeilArray.class);
        assertThat(rs.getObject(2, Array.class)).isInstanceOf(VeilArray.class);
        rs.close();

        assertThat(statement.execute("SELECT 1")).isTrue();
        assertThat(statement.getResultSet()).isInstanceOf(VeilResultSet.class);
        assertThat(statement.getResultSet().getStatement()).isSameAs(statement);
        statement.close();
    }

    @Test
    void generatedKeysAndPreparedResultsAreWrapped() throws SQLException {
        try (PreparedStatement insert = veil.prepareStatement("INSERT INTO t(tags) VALUES (NULL)",
                Statement.RETURN_GENERATED_KEYS)) {
            assertThat(insert).isInstanceOf(VeilPreparedStatement.class);
            assertThat(insert.getConnection()).isSameAs(veil);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertThat(keys).isInstanceOf(VeilResultSet.class);
                assertThat(keys.getStatement()).isSameAs(insert);
            }
        }
        try (PreparedStatement select = veil.prepareStatement("SELECT id FROM t");
             ResultSet rs = select.executeQuery()) {
            assertThat(rs.getStatement()).isSameAs(select);
        }
        try (CallableStatement call = veil.prepareCall("SELECT 1")) {
            assertThat(call).isInstanceOf(VeilCallableStatement.class);
            assertThat(call.getConnection()).isSameAs(veil);
        }
    }

    @Test
    void metadataAndItsResultSetsLeadBackToTheWrapper() throws SQLException {
        DatabaseMetaData metaData = veil.getMetaData();
        assertThat(metaData).isInstanceOf(VeilDatabaseMetaData.class);
        assertThat(metaData.getConnection()).isSameAs(veil);
        try (ResultSet tables = metaData.getTables(null, null, "T", null)) {
            assertThat(tables).isInstanceOf(VeilResultSet.class);
            Statement owner = tables.getStatement();
            if (owner != null) {
                assertThat(owner).isInstanceOf(VeilStatement.class);
                assertThat(owner.getConnection()).isSameAs(veil);
            }
        }
        assertThat(veil.createArrayOf("INTEGER", new Object[] {1})).isInstanceOf(VeilArray.class);
    }

    @Test
    void unwrapToVendorObjectsIsRefusedByDefault() throws SQLException {
        assertThat(veil.isWrapperFor(JdbcConnection.class)).isFalse();
        assertThatThrownBy(() -> veil.unwrap(JdbcConnection.class))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(VeilErrors.REFUSED_SQLSTATE);
                    assertThat(e.getMessage()).isEqualTo("veil: unwrap to org.h2.jdbc.JdbcConnection is refused:"
                            + " the vendor object would bypass Veil (rule: veil.allowUnwrap is false)");
                });
        try (Statement s = veil.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThatThrownBy(() -> s.unwrap(JdbcStatement.class)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> rs.unwrap(JdbcResultSet.class)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> veil.getMetaData().unwrap(org.h2.jdbc.JdbcDatabaseMetaData.class))
                    .isInstanceOf(SQLException.class);
            // unwrapping to what the wrapper itself is remains allowed
            assertThat(s.unwrap(Statement.class)).isSameAs(s);
            assertThat(veil.unwrap(Connection.class)).isSameAs(veil);
            assertThat(veil.isWrapperFor(Connection.class)).isTrue();
        }
    }

    @Test
    void unwrapIsPermittedWhenConfigured() throws SQLException {
        Properties props = new Properties();
        props.setProperty("veil.allowUnwrap", "true");
        try (Connection c = DriverManager.getConnection("jdbc:veil:h2:mem:backrefs", props)) {
            assertThat(c.isWrapperFor(JdbcConnection.class)).isTrue();
            assertThat(c.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
        }
    }

    @Test
    void closingTheConnectionClosesItsStatementsAndResultSetsAsTheVendorDoes() throws SQLException {
        boolean[] veilClosed = closeConnectionFirst(DriverManager.getConnection("jdbc:veil:h2:mem:backrefs"));
        boolean[] rawClosed = closeConnectionFirst(DriverManager.getConnection("jdbc:h2:mem:backrefs"));
        assertThat(veilClosed).containsExactly(rawClosed);
        assertThat(veilClosed[0]).isTrue();
    }

    /** Closes a connection with open objects; answers isClosed() of connection, result set, and use-after-close. */
    private static boolean[] closeConnectionFirst(Connection c) throws SQLException {
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1");
        PreparedStatement p = c.prepareStatement("SELECT 2");
        c.close();
        boolean statementUnusable;
        try {
            s.executeQuery("SELECT 3");
            statementUnusable = false;
        } catch (SQLException expected) {
            statementUnusable = true;
        }
        boolean preparedUnusable;
        try {
            p.executeQuery();
            preparedUnusable = false;
        } catch (SQLException expected) {
            preparedUnusable = true;
        }
        return new boolean[] {c.isClosed(), rs.isClosed(), statementUnusable, preparedUnusable};
    }
}
