package dev.veil.benchmarks.peers;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A database the comparison runs on, and how to fill its table: {@code bench_customers} with {@code rows} rows, two
 * sensitive columns (e-mail and phone, found by Veil's built-in name heuristics, named in ShardingSphere's mask
 * rules) and two that are not (city, segment). PostgreSQL and MariaDB come from {@code VEIL_BENCH_PG_*} and
 * {@code VEIL_BENCH_MARIADB_*} (URL, USER, PASSWORD), else from the integration tests' {@code VEIL_IT_*}, else
 * a database {@code veil_bench} of the comparison's own on the local servers. H2 runs in memory, lazily (rows
 * stream, as from the servers) and
 * without handing back an unchanged query's previous result, which would hide what evaluating it costs.
 *
 * @param key      short name used in reports and file names
 * @param url      the vendor URL
 * @param user     the user, or null
 * @param password the password, or null
 * @param fillSql  inserts rows 1..n, with {@code {rows}} for n
 * @param analyze  refreshes the table's statistics after the fill
 */
record BenchDatabase(String key, String url, String user, String password, String fillSql, String analyze) {

    static final String TABLE = "bench_customers";
    private static final String LOCAL_DATABASE = "veil_bench";

    static BenchDatabase postgresql(Map<String, String> env) {
        return fromEnvironment("postgresql", "PG", env,
                "INSERT INTO bench_customers SELECT g, 'user' || g || '@example.com',"
                        + " '+1 650-555-' || lpad((g % 10000)::text, 4, '0'), 'city' || (g % 50), 'segment' || (g % 7)"
                        + " FROM generate_series(1, {rows}) g",
                "ANALYZE bench_customers");
    }

    static BenchDatabase mariadb(Map<String, String> env) {
        return fromEnvironment("mariadb", "MARIADB", env,
                "INSERT INTO bench_customers SELECT seq, CONCAT('user', seq, '@example.com'),"
                        + " CONCAT('+1 650-555-', LPAD(seq % 10000, 4, '0')), CONCAT('city', seq % 50),"
                        + " CONCAT('segment', seq % 7) FROM seq_1_to_{rows}",
                "ANALYZE TABLE bench_customers");
    }

    static BenchDatabase h2() {
        return new BenchDatabase("h2",
                "jdbc:h2:mem:veil_bench;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE;LAZY_QUERY_EXECUTION=TRUE", null,
                null,
                "INSERT INTO bench_customers SELECT X, 'user' || X || '@example.com',"
                        + " '+1 650-555-' || LPAD(MOD(X, 10000), 4, '0'), 'city' || MOD(X, 50), 'segment' || MOD(X, 7)"
                        + " FROM SYSTEM_RANGE(1, {rows})",
                "ANALYZE");
    }

    static BenchDatabase named(String key, Map<String, String> env) {
        return switch (key) {
            case "postgresql" -> postgresql(env);
            case "mariadb" -> mariadb(env);
            case "h2" -> h2();
            default -> throw new IllegalArgumentException("unknown database '" + key
                    + "' (expected postgresql, mariadb or h2)");
        };
    }

    private static BenchDatabase fromEnvironment(String key, String infix, Map<String, String> env, String fillSql,
                                                 String analyze) {
        for (String prefix : List.of("VEIL_BENCH_" + infix + "_", "VEIL_IT_" + infix + "_")) {
            String url = env.get(prefix + "URL");
            if (url != null && !url.isBlank()) {
                return new BenchDatabase(key, url, env.get(prefix + "USER"), env.get(prefix + "PASSWORD"), fillSql,
                        analyze);
            }
        }
        return onLocalServer(key, fillSql, analyze);
    }

    /**
     * Without settings: a database of the comparison's own, {@code veil_bench}, on the local server as the tests find
     * it (PostgreSQL 127.0.0.1:5432 as {@code postgres}, MariaDB 127.0.0.1:3306 as {@code root}), created if missing;
     * no other database is touched.
     */
    private static BenchDatabase onLocalServer(String key, String fillSql, String analyze) {
        boolean postgres = key.equals("postgresql");
        String server = postgres ? "jdbc:postgresql://127.0.0.1:5432/" : "jdbc:mariadb://127.0.0.1:3306/";
        String user = postgres ? "postgres" : "root";
        try (Connection admin = connectVendor(server + (postgres ? "postgres" : ""), user);
             Statement s = admin.createStatement()) {
            if (postgres) {
                String exists = "SELECT 1 FROM pg_database WHERE datname = '" + LOCAL_DATABASE + "'";
                try (ResultSet rs = s.executeQuery(exists)) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + LOCAL_DATABASE);
                    }
                }
            } else {
                s.execute("CREATE DATABASE IF NOT EXISTS " + LOCAL_DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(key + ": no local server at " + server + " (" + e.getMessage() + "); start"
                    + " it (bash .ci/databases.sh) or set VEIL_BENCH_" + (postgres ? "PG" : "MARIADB")
                    + "_URL (with _USER and _PASSWORD)", e);
        }
        return new BenchDatabase(key, server + LOCAL_DATABASE, user, "", fillSql, analyze);
    }

    /** A connection through the vendor driver of the comparison's own vendor class path (DriverManager sees none). */
    private static Connection connectVendor(String url, String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        ClassLoader vendors = new java.net.URLClassLoader(ContenderLoaders.VENDORS,
                ClassPaths.locate().jars(ContenderLoaders.VENDORS), ClassLoader.getPlatformClassLoader());
        for (java.sql.Driver driver : java.util.ServiceLoader.load(java.sql.Driver.class, vendors)) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, properties);
            }
        }
        throw new SQLException("no vendor driver accepts " + url);
    }

    /** The user and password as connection properties. */
    Properties credentials() {
        Properties properties = new Properties();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** (Re)creates and fills the table through a vendor connection; answers the server's name and version. */
    String fill(Connection vendor, int rows) throws SQLException {
        try (Statement s = vendor.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, email VARCHAR(80), phone VARCHAR(20),"
                    + " city VARCHAR(40), segment VARCHAR(20))");
            s.execute(fillSql.replace("{rows}", Integer.toString(rows)));
            s.execute(analyze);
        }
        DatabaseMetaData metaData = vendor.getMetaData();
        return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
    }
}
