package dev.veil.driver.pipeline;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * What a stage wants to know about the rows of an execution's result sets, which stream after the execution stages
 * have returned: the result's shape when it opens, each row as it is read, an error while reading, the end.
 */
public interface ResultListener {

    /** A result set of the execution opened; throwing closes it and fails the caller's call. */
    default void opened(ResultSetMetaData metaData) throws SQLException {
    }

    /** The caller moved to row {@code number} (1-based); throwing stops the result. */
    default void row(long number) throws SQLException {
    }

    /** Reading the result failed; answers the error the caller sees. */
    default SQLException failed(SQLException error) {
        return error;
    }
}
