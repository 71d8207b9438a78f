package dev.veil.driver.jdbc;

import dev.veil.driver.pipeline.ExecutionTrace;
import dev.veil.driver.pipeline.ColumnMasks;
import dev.veil.jdbc.delegation.GuardsColumns;
import dev.veil.jdbc.delegation.JdbcWrapper;
import dev.veil.jdbc.delegation.TranslatesErrors;
import dev.veil.jdbc.delegation.WrapsReturned;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Map;

/**
 * A vendor result set behind Veil: its statement and any JDBC objects among its values are Veil's; the columns its
 * plan masks in the driver ({@code veil.masking=driver}) are read through {@link MaskedColumns}.
 */
@JdbcWrapper(ResultSet.class)
public abstract class VeilResultSet implements ResultSet {

    protected final ResultSet delegate;
    private final VeilConnection connection;
    /** The statement that produced this result set; null for metadata, array and cursor result sets until asked. */
    private Statement statement;
    /** The execution whose rows these are; null for metadata, array and cursor result sets. */
    private final ExecutionTrace trace;
    /** The refusal of the row the cursor landed on (the row guard's); from then on no value is read. */
    private SQLException refusal;

    VeilResultSet(ResultSet delegate, VeilStatement statement, VeilConnection connection, ExecutionTrace trace) {
        this.delegate = delegate;
        this.statement = statement;
        this.connection = connection;
        this.trace = trace;
    }

    /** Wraps the result of an execution, letting its stages see the result's shape first. */
    static VeilResultSet of(ResultSet delegate, VeilStatement statement, VeilConnection connection,
                            ExecutionTrace trace) throws SQLException {
        ResultSet rows = delegate;
        try {
            ExecutionTrace.Results.opened(trace, delegate);
            ColumnMasks masks = ColumnMasks.of(trace, connection.session());
            if (masks != null) {
                rows = MaskedColumns.wrap(delegate, masks);
            }
        } catch (SQLException refused) {
            delegate.close();
            throw refused;
        }
        return new VeilResultSetImpl(rows, statement, connection, trace);
    }

    /** Whether this wraps the vendor's {@code rows} (directly, or through the columns the driver masks). */
    boolean wraps(ResultSet rows) {
        return delegate == rows || MaskedColumns.vendorOf(delegate) == rows;
    }

    @WrapsReturned
    Array wrapArray(Array array) {
        return VeilArray.of(array, connection);
    }

    /**
     * Errors while reading — raised mid-stream by the database, or by a getter converting a value — belong to the
     * execution whose rows these are; for metadata, array and cursor results Veil cannot tell, and scrubs them.
     */
    @TranslatesErrors
    SQLException translate(SQLException error) {
        return ExecutionTrace.Results.failed(trace, error);
    }

    @Override
    public boolean next() throws SQLException {
        boolean more;
        try {
            more = delegate.next();
        } catch (SQLException e) {
            throw translate(e);
        }
        if (more) {
            landed();
        } else if (trace != null) {
            trace.finish();
        }
        return more;
    }

    /**
     * A scrollable result reaches its rows without {@link #next}: every move that lands on a row reads it, so it is
     * counted as {@code next} counts one (a row landed on again counts again). Otherwise {@code absolute(k)} for each
     * k, or {@code previous()} from the end, would read a result past the row guard (approvals.exportRows) unseen.
     */
    @Override
    public boolean absolute(int row) throws SQLException {
        return moved(() -> delegate.absolute(row));
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        return moved(() -> delegate.relative(rows));
    }

    @Override
    public boolean previous() throws SQLException {
        return moved(delegate::previous);
    }

    @Override
    public boolean first() throws SQLException {
        return moved(delegate::first);
    }

    @Override
    public boolean last() throws SQLException {
        return moved(delegate::last);
    }

    /** A cursor move of the vendor's result set. */
    @FunctionalInterface
    private interface Move {
        boolean onRow() throws SQLException;
    }

    private boolean moved(Move move) throws SQLException {
        boolean onRow;
        try {
            onRow = move.onRow();
        } catch (SQLException e) {
            throw translate(e);
        }
        if (onRow) {
            landed();
        }
        return onRow;
    }

    /**
     * Counts the row the cursor has landed on. The vendor's cursor is on it already, so a refusal (the row guard's)
     * closes the rows: a caller that caught the error must not read the refused row, or move on to the next.
     */
    private void landed() throws SQLException {
        try {
            ExecutionTrace.Results.row(trace);
        } catch (SQLException refused) {
            refusal = refused;
            try {
                close();
            } catch (SQLException closing) {
                refused.addSuppressed(closing);
            }
            throw refused;
        }
    }

    /**
     * After a refusal no column is read: closing the vendor's rows is not enough, as some drivers still answer a
     * getter from the row they hold.
     */
    @GuardsColumns(except = {"absolute", "relative", "setFetchDirection", "setFetchSize"})
    void column(String method, int column) throws SQLException {
        if (refusal != null) {
            throw refusal;
        }
    }

    @GuardsColumns(except = "findColumn")
    void column(String method, String label) throws SQLException {
        if (refusal != null) {
            throw refusal;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (trace != null) {
                trace.finish();
            }
        } finally {
            try {
                delegate.close();
            } catch (SQLException e) {
                throw translate(e);
            }
        }
    }

    /** Warnings while reading rows of a statement whose errors are scrubbed (or of no statement) come without text. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        try {
            return ExecutionTrace.Results.warnings(trace, delegate.getWarnings());
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Statement getStatement() throws SQLException {
        if (statement == null) {
            Statement vendorStatement;
            try {
                vendorStatement = delegate.getStatement();
            } catch (SQLException e) {
                throw translate(e);
            }
            statement = vendorStatement == null ? null : new VeilStatementImpl(vendorStatement, connection);
        }
        return statement;
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        try {
            return JdbcValues.wrap(delegate.getObject(columnIndex), connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        try {
            return JdbcValues.wrap(delegate.getObject(columnLabel), connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        try {
            return JdbcValues.wrap(delegate.getObject(columnIndex, map), connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        try {
            return JdbcValues.wrap(delegate.getObject(columnLabel, map), connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        try {
            return type.cast(JdbcValues.wrap(delegate.getObject(columnIndex, type), connection));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        try {
            return type.cast(JdbcValues.wrap(delegate.getObject(columnLabel, type), connection));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, connection.session());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, connection.session());
    }
}
