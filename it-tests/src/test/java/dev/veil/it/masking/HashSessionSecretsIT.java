package dev.veil.it.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import dev.veil.policy.mask.HashKey;
import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.MaskDialects;
import dev.veil.policy.mask.MaskRenderer;
import dev.veil.policy.mask.ReferenceMasker;
import dev.veil.policy.mask.SessionSetup;
import dev.veil.policy.mask.ValueType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hash mask's session secrets on the real engines: installed by bind parameters, tamper-evident. */
class HashSessionSecretsIT {

    private static final HashKey KEY = HashKey.of("hash-session-secrets-test-key");
    private static final HashKey CLIENT_CHOSEN = HashKey.of("a-key-the-client-knows");

    static List<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theHashMatchesTheJvmOnceTheSecretsAreInstalled(TestDatabase db) throws SQLException {
        try (Connection c = db.openRaw()) {
            install(c, dialect(db), KEY);
            assertThat(hashOf(c, dialect(db), "jane@example.com"))
                    .isEqualTo(ReferenceMasker.of(KEY).apply(Mask.hash(), "jane@example.com", ValueType.STRING));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void secretsReplacedByTheClientGiveNullNotAHashUnderAKnownKey(TestDatabase db) throws SQLException {
        try (Connection c = db.openRaw()) {
            install(c, dialect(db), KEY);
            install(c, dialect(db), CLIENT_CHOSEN);
            assertThat(hashOf(c, dialect(db), "jane@example.com")).isNull();
        }
    }

    @Test
    void withoutSecretsPostgresqlRefusesTheQuery() throws SQLException {
        TestDatabase db = TestDatabases.postgres();
        try (Connection c = db.openRaw()) {
            assertThatThrownBy(() -> hashOf(c, MaskDialects.POSTGRESQL, "x")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("veil.hash_ikey");
        }
    }

    @Test
    void withoutSecretsMariadbGivesNull() throws SQLException {
        try (Connection c = TestDatabases.mariadb().openRaw()) {
            assertThat(hashOf(c, MaskDialects.MARIADB, "x")).isNull();
        }
    }

    /** On MariaDB the secrets must travel in a binary-protocol execute, never in statement text. */
    @Test
    void mariadbSetupIsServerSidePrepared() throws SQLException {
        try (Connection c = TestDatabases.mariadb().openRaw()) {
            long before = status(c, "Com_stmt_prepare");
            install(c, MaskDialects.MARIADB, KEY);
            assertThat(status(c, "Com_stmt_prepare")).isGreaterThan(before);
        }
    }

    static MaskDialect dialect(TestDatabase db) {
        return switch (db.engine()) {
            case H2 -> MaskDialects.H2;
            case POSTGRESQL -> MaskDialects.POSTGRESQL;
            case MARIADB -> MaskDialects.MARIADB;
        };
    }

    static void install(Connection c, MaskDialect dialect, HashKey key) throws SQLException {
        for (SessionSetup.Statement setup : key.sessionSetup(dialect).statements()) {
            try (PreparedStatement ps = dialect == MaskDialects.MARIADB
                    ? c.unwrap(org.mariadb.jdbc.Connection.class).prepareInternal(setup.sql(),
                            Statement.NO_GENERATED_KEYS, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, true)
                    : c.prepareStatement(setup.sql())) {
                for (int i = 0; i < setup.parameters().size(); i++) {
                    ps.setObject(i + 1, setup.parameters().get(i));
                }
                ps.execute();
            }
        }
    }

    private static String hashOf(Connection c, MaskDialect dialect, String value) throws SQLException {
        String sql = "SELECT " + MaskRenderer.of(dialect, KEY).render(Mask.hash(), "t.v", ValueType.STRING)
                + " FROM (SELECT CAST(? AS " + (dialect == MaskDialects.MARIADB ? "CHAR" : "VARCHAR(100)")
                + ") AS v) t";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static long status(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(2);
        }
    }
}
