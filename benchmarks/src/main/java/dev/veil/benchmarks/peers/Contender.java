package dev.veil.benchmarks.peers;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * One way of reaching the database: a driver, loaded in the contender's own class loader, the URL it is given, and
 * the SQL it sends for each of the workloads' statements.
 *
 * @param key         short name used in the JSON report
 * @param label       name in the markdown report
 * @param loader      the contender's class loader; every call into the contender runs with it as context loader
 * @param driver      the JDBC driver
 * @param url         its URL
 * @param properties  its connection properties
 * @param masks       whether e-mail and phone come back masked (checked before any timing)
 * @param sql         the SQL it sends for a workload's statement
 * @param explainer   for "raw + Veil SQL": the Veil connection that explains, closed with the contender; else null
 */
record Contender(String key, String label, ClassLoader loader, Driver driver, String url, Properties properties,
                 boolean masks, SqlSource sql, Connection explainer) implements AutoCloseable {

    static final String VENDOR = "vendor";

    Connection connect() throws SQLException {
        return call(() -> driver.connect(url, properties));
    }

    /** Runs {@code work} with this contender's class loader as the thread's context loader. */
    <T> T call(Callable<T> work) throws SQLException {
        return ContenderLoaders.withContextSql(loader, work);
    }

    boolean isVendor() {
        return key.equals(VENDOR);
    }

    @Override
    public void close() throws SQLException {
        if (explainer != null) {
            explainer.close();
        }
    }
}
