package dev.veil.driver.session;

import dev.veil.driver.VeilErrors;
import dev.veil.driver.catalog.InternalQueries;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Veil reads from a session once when it opens, and again after statements that may change it: the user, the
 * current database and name search path (which resolve unqualified names), and the settings that decide how SQL
 * text is read. The analyzer assumes PostgreSQL's standard-conforming strings, MariaDB without ANSI_QUOTES or
 * NO_BACKSLASH_ESCAPES, H2 in its regular mode; a session that differs could make Veil misread a statement, so it is
 * refused rather than analyzed wrongly.
 *
 * @param user           the database user the session authenticated as
 * @param currentCatalog the current database (null for MariaDB, whose databases are schemas)
 * @param searchPath     schemas searched for unqualified names, in order
 */
public record SessionState(String user, String currentCatalog, List<String> searchPath) {

    /** Character sets in which a backslash or quote byte can never hide inside a multi-byte character. */
    private static final Set<String> SAFE_MARIADB_CHARSETS = Set.of("utf8mb4", "utf8mb3", "utf8", "latin1", "ascii",
            "binary");

    public static SessionState read(Connection vendor, Engine engine) throws SQLException {
        return InternalQueries.run(vendor, engine, c -> switch (engine) {
            case POSTGRESQL -> readPostgres(c);
            case MARIADB -> readMariaDb(c);
            case H2 -> readH2(c);
        });
    }

    private static SessionState readPostgres(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT session_user, current_database(), current_schemas(true),"
                     + " current_setting('standard_conforming_strings'), current_setting('server_encoding'),"
                     + " current_setting('client_encoding')")) {
            rs.next();
            require(rs.getString(4).equalsIgnoreCase("on"), "PostgreSQL standard_conforming_strings is off");
            require(rs.getString(5).equalsIgnoreCase("UTF8"), "PostgreSQL server_encoding is not UTF8");
            require(rs.getString(6).equalsIgnoreCase("UTF8"), "PostgreSQL client_encoding is not UTF8");
            Array schemas = rs.getArray(3);
            List<String> path = new ArrayList<>(Arrays.asList((String[]) schemas.getArray()));
            // the session's temporary schema is searched first, whether or not current_schemas lists it first
            path.stream().filter(p -> p.startsWith("pg_temp_")).findFirst().ifPresent(temp -> {
                path.remove(temp);
                path.add(0, temp);
            });
            return new SessionState(rs.getString(1), rs.getString(2), path);
        }
    }

    private static SessionState readMariaDb(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUBSTRING_INDEX(USER(), '@', 1), DATABASE(), @@sql_mode,"
                     + " @@character_set_client, @@character_set_connection")) {
            rs.next();
            String mode = rs.getString(3) == null ? "" : rs.getString(3).toUpperCase(Locale.ROOT);
            for (String lexical : List.of("ANSI_QUOTES", "NO_BACKSLASH_ESCAPES", "ORACLE", "EMPTY_STRING_IS_NULL")) {
                require(!Arrays.asList(mode.split(",")).contains(lexical), "MariaDB sql_mode contains " + lexical);
            }
            for (int i = 4; i <= 5; i++) {
                String charset = rs.getString(i) == null ? "" : rs.getString(i).toLowerCase(Locale.ROOT);
                require(SAFE_MARIADB_CHARSETS.contains(charset), "MariaDB character set " + charset
                        + " can hide quotes inside multi-byte characters");
            }
            String database = rs.getString(2);
            return new SessionState(rs.getString(1), null, database == null ? List.of() : List.of(database));
        }
    }

    private static SessionState readH2(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CURRENT_USER, DATABASE(), SCHEMA(),"
                     + " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'),"
                     + " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'DATABASE_TO_UPPER'),"
                     + " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'DATABASE_TO_LOWER'),"
                     + " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + "   WHERE SETTING_NAME = 'CASE_INSENSITIVE_IDENTIFIERS')")) {
            rs.next();
            String mode = rs.getString(4);
            require(mode == null || mode.equalsIgnoreCase("REGULAR"), "H2 runs in compatibility mode " + mode);
            require(!"FALSE".equalsIgnoreCase(rs.getString(5)), "H2 DATABASE_TO_UPPER is off");
            require(!"TRUE".equalsIgnoreCase(rs.getString(6)), "H2 DATABASE_TO_LOWER is on");
            require(!"TRUE".equalsIgnoreCase(rs.getString(7)), "H2 CASE_INSENSITIVE_IDENTIFIERS is on");
            return new SessionState(rs.getString(1), rs.getString(2), List.of(rs.getString(3)));
        }
    }

    private static void require(boolean condition, String problem) throws SQLException {
        if (!condition) {
            throw VeilErrors.configuration(problem + ": Veil reads SQL as the server's defaults do and refuses a"
                    + " session configured otherwise");
        }
    }
}
