package dev.veil.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One database the integration tests run against: how to reach it with the vendor driver and through Veil.
 *
 * @param engine   which engine this is
 * @param url      the vendor JDBC URL, e.g. {@code jdbc:postgresql://host:5432/db}
 * @param user     user name, may be empty
 * @param password password, may be empty
 */
public record TestDatabase(Engine engine, String url, String user, String password) {

    public enum Engine { H2, POSTGRESQL, MARIADB }

    /** The same database behind Veil: {@code jdbc:veil:} followed by the vendor URL without {@code jdbc:}. */
    public String veilUrl() {
        return "jdbc:veil:" + url.substring("jdbc:".length());
    }

    public Properties credentials() {
        Properties props = new Properties();
        if (!user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        return props;
    }

    /** A connection through the vendor driver alone. */
    public Connection openRaw() throws SQLException {
        return DriverManager.getConnection(url, credentials());
    }

    /** A connection through Veil, with extra connection properties (e.g. {@code veil.*} settings). */
    public Connection openVeil(Properties extra) throws SQLException {
        Properties props = credentials();
        props.putAll(extra);
        return DriverManager.getConnection(veilUrl(), props);
    }

    public Connection openVeil() throws SQLException {
        return openVeil(new Properties());
    }

    @Override
    public String toString() {
        return engine.name();
    }
}
