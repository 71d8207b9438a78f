package dev.veil.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the integration tests find their databases.
 *
 * <p>By default they create a database of their own on the local servers — PostgreSQL on 127.0.0.1:5432 as
 * {@code postgres}, MariaDB on 127.0.0.1:3306 as {@code root}, both without a password — use it through a plain user
 * created with it, and drop both when the run ends ({@link OwnDatabases}). Environment variables name other servers:
 * {@code VEIL_IT_PG_ADMIN_URL}, {@code _ADMIN_USER}, {@code _ADMIN_PASSWORD} (likewise {@code VEIL_IT_MARIADB_…}): an
 * account that may create databases. {@code VEIL_IT_PG_URL}, {@code _USER}, {@code _PASSWORD} (likewise for
 * MariaDB) name a database the tests use as it is, creating and dropping only their own tables in it. A server that
 * cannot be reached fails the tests that need it, with a message saying how to start it; nothing is skipped. H2 is
 * embedded.
 */
public final class TestDatabases {

    private static final Map<TestDatabase.Engine, TestDatabase> RESOLVED = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    public static TestDatabase h2() {
        return new TestDatabase(TestDatabase.Engine.H2, "jdbc:h2:mem:veil_it;DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static TestDatabase postgres() {
        return RESOLVED.computeIfAbsent(TestDatabase.Engine.POSTGRESQL, e -> resolve(new PostgresTestServer()));
    }

    public static TestDatabase mariadb() {
        return RESOLVED.computeIfAbsent(TestDatabase.Engine.MARIADB, e -> resolve(new MariaDbTestServer()));
    }

    /** H2, PostgreSQL and MariaDB, in that order: the argument source of tests that run on every engine. */
    public static List<TestDatabase> all() {
        return List.of(h2(), postgres(), mariadb());
    }

    public static TestDatabase of(TestDatabase.Engine engine) {
        return switch (engine) {
            case H2 -> h2();
            case POSTGRESQL -> postgres();
            case MARIADB -> mariadb();
        };
    }

    private static TestDatabase resolve(TestServer server) {
        String prefix = "VEIL_IT_" + server.variablePrefix();
        String url = System.getenv(prefix + "_URL");
        if (url == null || url.isBlank()) {
            return OwnDatabases.create(server, ServerAccount.fromEnvironment(server.variablePrefix(),
                    server.localAdministrator()));
        }
        TestDatabase given = new TestDatabase(server.engine(), url, envOrEmpty(prefix + "_USER"),
                envOrEmpty(prefix + "_PASSWORD"));
        try (Connection ignored = given.openRaw()) {
            return given;
        } catch (SQLException e) {
            throw new IllegalStateException(prefix + "_URL names " + ServerAccount.withoutParameters(url) + ", which"
                    + " cannot be reached: " + e.getMessage() + "\nStart that server, or unset " + prefix + "_URL so"
                    + " that the tests create a database of their own on the local server. See the README, \"Test"
                    + " databases\".", e);
        }
    }

    private static String envOrEmpty(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
