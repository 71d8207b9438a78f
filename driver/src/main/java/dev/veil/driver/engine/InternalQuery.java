package dev.veil.driver.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** One of Veil's own queries on a session's vendor connection (catalog lookups, samples, estimates). */
@FunctionalInterface
public interface InternalQuery<T> {
    T run(Connection vendor) throws SQLException;
}
