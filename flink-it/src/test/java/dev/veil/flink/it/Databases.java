package dev.veil.flink.it;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The databases of one test class: one of its own on the local PostgreSQL (127.0.0.1:5432, {@code postgres}) and
 * MariaDB (127.0.0.1:3306, {@code root}) servers, named {@code veil_it_<hex>} and dropped at the end (Flink's JDBC
 * connector has no H2 dialect).
 */
final class Databases implements AutoCloseable {

    /** One database: its vendor URL and the same behind Veil. */
    record Db(String engine, String url, String user) {

        String veilUrl() {
            return "jdbc:veil:" + url.substring("jdbc:".length());
        }

        Properties credentials() {
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("password", "");
            return p;
        }

        Connection openRaw() throws SQLException {
            return DriverManager.getConnection(url, credentials());
        }
    }

    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/";

    final String name = "veil_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    final Db postgres;
    final Db mariadb;

    Databases() throws SQLException {
        admin(PG_ADMIN, "postgres", "CREATE DATABASE " + name);
        postgres = new Db("postgresql", "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres");
        admin(MARIADB_ADMIN, "root", "CREATE DATABASE " + name);
        mariadb = new Db("mariadb", "jdbc:mariadb://127.0.0.1:3306/" + name, "root");
    }

    Db of(String engine) {
        return switch (engine) {
            case "postgresql" -> postgres;
            case "mariadb" -> mariadb;
            default -> throw new IllegalArgumentException(engine);
        };
    }

    private static void admin(String url, String user, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", "");
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin(PG_ADMIN, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin(MARIADB_ADMIN, "root", "DROP DATABASE IF EXISTS " + name);
    }
}
