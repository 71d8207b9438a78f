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

    /**
     * The caller moved to row {@code number} (1-based); throwing stops the result. Answers the next row number this
     * listener must see ({@link Long#MAX_VALUE}: none), so that the rows in between cost the trace a counter and one
     * comparison each; the trace asks again from the next row whenever what a listener decides on may have changed
     * (an approval).
     */
    default long row(long number) throws SQLException {
        return Long.MAX_VALUE;
    }

    /** Reading the result failed; answers the error the caller sees. */
    default SQLException failed(SQLException error) {
        return error;
    }
}
