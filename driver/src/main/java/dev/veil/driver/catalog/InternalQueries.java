package dev.veil.driver.catalog;

import dev.veil.driver.session.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Veil's own queries on a session's vendor connection (catalog lookups, sampling, estimates). On PostgreSQL an
 * error inside a transaction would abort the caller's transaction, so inside one they run behind a savepoint.
 */
public final class InternalQueries {

    /** Work on the vendor connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection vendor) throws SQLException;
    }

    private InternalQueries() {
    }

    public static <T> T run(Connection vendor, Engine engine, Work<T> work) throws SQLException {
        if (engine != Engine.POSTGRESQL || vendor.getAutoCommit()) {
            return work.run(vendor);
        }
        Savepoint savepoint = vendor.setSavepoint();
        try {
            T result = work.run(vendor);
            vendor.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException e) {
            vendor.rollback(savepoint);
            throw e;
        }
    }
}
