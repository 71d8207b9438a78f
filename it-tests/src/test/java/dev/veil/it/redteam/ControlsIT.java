package dev.veil.it.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import dev.veil.it.support.TestDatabases;
import dev.veil.policy.mask.HashKey;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.MaskDialects;
import dev.veil.policy.mask.SessionSetup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Positive controls: the oracle does find the fragments when they come back — through a raw vendor connection, in each
 * encoding the suite searches for, in error messages, for an exempt principal through Veil — so that the attempts
 * cannot pass vacuously. And Veil does mask the plain case (a negative control).
 */
class ControlsIT {

    @BeforeAll
    static void seed() throws SQLException {
        for (TestDatabase db : TestDatabases.all()) {
            RedTeamSchema.recreate(db);
            RedTeam.bumpCatalog(db);
        }
    }

    private static LeakOracle scanRaw(TestDatabase db, String sql) throws SQLException {
        LeakOracle oracle = new LeakOracle();
        try (Connection c = db.openRaw(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            oracle.checkResultSet("raw", rs);
        }
        return oracle;
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void theRawConnectionReturnsEveryFragment(TestDatabase db) throws SQLException {
        LeakOracle oracle = new LeakOracle();
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            for (String column : List.of("full_name", "email", "phone", "ssn", "card_number", "birth_date",
                    "street_address", "signup_ip", "notes", "password", "loyalty_code")) {
                LeakOracle one = new LeakOracle();
                try (ResultSet rs = s.executeQuery("SELECT " + column + " FROM rt_customers")) {
                    one.checkResultSet("raw " + column, rs);
                }
                assertThat(one.leaked()).as("the oracle finds raw %s", column).isTrue();
                try (ResultSet rs = s.executeQuery("SELECT " + column + " FROM rt_customers")) {
                    oracle.checkResultSet("raw " + column, rs);
                }
            }
            LeakOracle ship = new LeakOracle();
            try (ResultSet rs = s.executeQuery("SELECT ship_to FROM rt_orders")) {
                ship.checkResultSet("raw ship_to", rs);
            }
            assertThat(ship.leaked()).isTrue();
        }
    }

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of(Engine.POSTGRESQL, "SELECT encode(convert_to(ssn, 'UTF8'), 'hex') FROM rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT upper(encode(convert_to(ssn, 'UTF8'), 'hex')) FROM"
                        + " rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT encode(convert_to(full_name, 'UTF8'), 'base64') FROM"
                        + " rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT encode(convert_to(substr(notes, 2), 'UTF8'), 'base64') FROM"
                        + " rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT md5(ssn) FROM rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT encode(sha256(convert_to(full_name, 'UTF8')), 'hex') FROM"
                        + " rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT reverse(full_name) FROM rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT upper(email) FROM rt_customers"),
                Arguments.of(Engine.POSTGRESQL,
                        "SELECT regexp_replace(full_name, '(.)', '\\1 ', 'g') FROM rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT array_to_string(ARRAY(SELECT ascii(substr(ssn, i, 1))"
                        + " FROM generate_series(1, 11) i), ',') FROM rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT ssn::bytea FROM rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT array_agg(notes) FROM rt_customers"),
                Arguments.of(Engine.POSTGRESQL, "SELECT row_to_json(c) FROM rt_customers c"),
                Arguments.of(Engine.MARIADB, "SELECT HEX(ssn) FROM rt_customers"),
                Arguments.of(Engine.MARIADB, "SELECT TO_BASE64(full_name) FROM rt_customers"),
                Arguments.of(Engine.MARIADB, "SELECT SHA1(email) FROM rt_customers"),
                Arguments.of(Engine.MARIADB, "SELECT REVERSE(notes) FROM rt_customers"),
                Arguments.of(Engine.MARIADB, "SELECT JSON_ARRAYAGG(street_address) FROM rt_customers"),
                Arguments.of(Engine.MARIADB, "SELECT CAST(signup_ip AS BINARY) FROM rt_customers"),
                Arguments.of(Engine.H2, "SELECT RAWTOHEX(ssn) FROM rt_customers"),
                Arguments.of(Engine.H2, "SELECT HASH('SHA-256', full_name) FROM rt_customers"),
                Arguments.of(Engine.H2, "SELECT ARRAY_AGG(notes) FROM rt_customers"),
                Arguments.of(Engine.H2, "SELECT STRINGTOUTF8(password) FROM rt_customers"),
                Arguments.of(Engine.H2, "SELECT LOWER(birth_date) FROM rt_customers"));
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void theOracleFindsEncodedValues(Engine engine, String sql) throws SQLException {
        assertThat(scanRaw(TestDatabases.of(engine), sql).leaked()).as(sql).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void theOracleFindsValuesQuotedInErrors(TestDatabase db) {
        LeakOracle oracle = new LeakOracle();
        String sql = db.engine() == Engine.MARIADB
                ? "SELECT id FROM rt_customers WHERE ssn = 0" : "SELECT CAST(full_name AS INT) FROM rt_customers";
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                oracle.checkResultSet("raw", rs);
            }
            oracle.checkWarnings("raw warnings", s.getWarnings());
        } catch (SQLException e) {
            oracle.checkException("raw error", e);
        }
        assertThat(oracle.leaked()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void anExemptPrincipalThroughVeilSeesRawValues(TestDatabase db) throws SQLException {
        Properties p = RedTeam.veilProperties(db);
        p.setProperty("veil.policy", RedTeam.exemptPolicy(db, RedTeam.sessionUser(db)).toString());
        LeakOracle oracle = new LeakOracle();
        try (Connection c = db.openVeil(p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT full_name, ssn, notes FROM rt_customers")) {
            oracle.checkResultSet("exempt", rs);
        }
        assertThat(oracle.leaked()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void veilMasksThePlainSelect(TestDatabase db) throws SQLException {
        LeakOracle oracle = new LeakOracle();
        try (Connection c = db.openVeil(RedTeam.veilProperties(db)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM rt_customers")) {
            List<List<String>> rows = oracle.checkResultSet("veil", rs);
            assertThat(rows).hasSize(3);
        }
        assertThat(oracle.findings()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void theOracleFindsTheHashSecrets(TestDatabase db) throws SQLException {
        MaskDialect dialect = switch (db.engine()) {
            case H2 -> MaskDialects.H2;
            case POSTGRESQL -> MaskDialects.POSTGRESQL;
            case MARIADB -> MaskDialects.MARIADB;
        };
        LeakOracle oracle = new LeakOracle();
        oracle.secretsOnly();
        try (Connection c = db.openRaw()) {
            for (SessionSetup.Statement setup : HashKey.of(Secrets.HASH_KEY).sessionSetup(dialect).statements()) {
                try (PreparedStatement ps = c.prepareStatement(setup.sql())) {
                    for (int i = 0; i < setup.parameters().size(); i++) {
                        ps.setObject(i + 1, setup.parameters().get(i));
                    }
                    ps.execute();
                }
            }
            String read = switch (db.engine()) {
                case POSTGRESQL -> "SELECT current_setting('veil.hash_ikey')";
                case MARIADB -> "SELECT @veil_hash_ikey";
                case H2 -> "SELECT @VEIL_HASH_IKEY";
            };
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(read)) {
                oracle.checkResultSet("raw secrets", rs);
            }
        }
        assertThat(oracle.leaked()).isTrue();
    }

    @Test
    void blindExtractionWorksWhenTheOracleAnswers() throws Exception {
        TestDatabase db = TestDatabases.h2();
        LeakOracle oracle = new LeakOracle();
        RedTeam.Attempt control = RedTeam.attempt("CTRL", "raw blind extraction", RedTeam.H2, ctx -> { });
        RedTeam.Ctx ctx = new RedTeam.Ctx(db, oracle, control);
        try (Connection raw = db.openRaw()) {
            ctx.blindSsnBy(prefix -> {
                try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT id FROM rt_customers WHERE id = 1 AND ssn LIKE '" + prefix + "%'")) {
                    return rs.next();
                }
            });
        } finally {
            ctx.finish();
        }
        assertThat(oracle.leaked()).isTrue();
    }
}
