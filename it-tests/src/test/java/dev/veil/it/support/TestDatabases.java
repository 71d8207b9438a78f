package dev.veil.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Where the integration tests find their databases.
 *
 * <p>PostgreSQL and MariaDB come from the environment ({@code VEIL_IT_PG_URL}, {@code VEIL_IT_PG_USER},
 * {@code VEIL_IT_PG_PASSWORD}; {@code VEIL_IT_MARIADB_URL}, {@code VEIL_IT_MARIADB_USER},
 * {@code VEIL_IT_MARIADB_PASSWORD}); when a URL is not set and Docker is available, Testcontainers starts one;
 * otherwise the test fails and says how to provide a database. Nothing is ever skipped. H2 is embedded.
 */
public final class TestDatabases {

    private static final Map<TestDatabase.Engine, TestDatabase> STARTED = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    public static TestDatabase h2() {
        return new TestDatabase(TestDatabase.Engine.H2, "jdbc:h2:mem:veil_it;DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static TestDatabase postgres() {
        return STARTED.computeIfAbsent(TestDatabase.Engine.POSTGRESQL, engine -> resolve(engine, "PG",
                () -> new PostgreSQLContainer<>("postgres:15-alpine")));
    }

    public static TestDatabase mariadb() {
        return STARTED.computeIfAbsent(TestDatabase.Engine.MARIADB, engine -> resolve(engine, "MARIADB",
                () -> new MariaDBContainer<>("mariadb:10.11")));
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

    private interface ContainerFactory {
        JdbcDatabaseContainer<?> create();
    }

    private static TestDatabase resolve(TestDatabase.Engine engine, String envPrefix, ContainerFactory containers) {
        String url = System.getenv("VEIL_IT_" + envPrefix + "_URL");
        if (url != null && !url.isBlank()) {
            TestDatabase db = new TestDatabase(engine, url,
                    envOrEmpty("VEIL_IT_" + envPrefix + "_USER"), envOrEmpty("VEIL_IT_" + envPrefix + "_PASSWORD"));
            checkReachable(db, envPrefix);
            return db;
        }
        if (dockerAvailable()) {
            JdbcDatabaseContainer<?> container = containers.create();
            container.start();
            return new TestDatabase(engine, container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("No " + engine + " for the integration tests: set VEIL_IT_" + envPrefix
                + "_URL (and VEIL_IT_" + envPrefix + "_USER, VEIL_IT_" + envPrefix + "_PASSWORD) to a test database,"
                + " or run with Docker available so that Testcontainers can start one. On a machine with local"
                + " PostgreSQL and MariaDB servers, `bash .ci/run` provisions both and runs the tests.");
    }

    private static void checkReachable(TestDatabase db, String envPrefix) {
        try (Connection ignored = db.openRaw()) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("VEIL_IT_" + envPrefix + "_URL=" + db.url() + " is set but cannot be"
                    + " reached: " + e.getMessage(), e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOrEmpty(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
