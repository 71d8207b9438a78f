package dev.veil.driver.jdbc;

import dev.veil.driver.pipeline.ExecutionTrace;
import dev.veil.driver.pipeline.ColumnMasks;
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
            ExecutionTrace.Results.row(trace);
        } else if (trace != null) {
            trace.finish();
        }
        return more;
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
