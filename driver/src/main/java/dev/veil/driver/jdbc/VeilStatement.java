package dev.veil.driver.jdbc;

import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.ExecutionTrace;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.StatementBatch;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.driver.pipeline.Withholding;
import dev.veil.jdbc.delegation.JdbcWrapper;
import dev.veil.jdbc.delegation.TranslatesErrors;
import dev.veil.jdbc.delegation.WrapsReturned;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/** A vendor statement behind Veil: every SQL text is planned and executed through the pipeline. */
@JdbcWrapper(Statement.class)
public abstract class VeilStatement implements Statement {

    protected final Statement delegate;
    final VeilConnection connection;
    private final StatementBatch batch = new StatementBatch();
    private VeilResultSet lastResultSet;
    /** The latest execution, followed while its results are read. */
    private volatile ExecutionTrace trace;

    VeilStatement(Statement delegate, VeilConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
        connection.opened(this);
    }

    final Session session() {
        return connection.session();
    }

    /** Plans {@code sql}, then runs {@code vendor} with the planned SQL through the execution stages. */
    final <T> T run(String sql, Entry entry, Execution.VendorCall<T> vendor) throws SQLException {
        StatementPlan plan = session().pipeline().plan(session(), sql, entry);
        return execute(plan, vendor);
    }

    final <T> T execute(StatementPlan plan, Execution.VendorCall<T> vendor) throws SQLException {
        try {
            finishExecution();
            trace = new ExecutionTrace(plan, delegate.getQueryTimeout());
            return session().pipeline().execute(session(), trace, vendor);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Errors of the statement — of its latest execution, of reading its results, of its settings — follow the plan
     * they belong to; when there is none (nothing ran yet), Veil cannot tell which columns they concern and they come
     * without their text.
     */
    @TranslatesErrors
    SQLException translate(SQLException error) {
        return Withholding.error(planForErrors(), error, "on a statement");
    }

    /** The plan the statement's errors and warnings belong to: its latest execution's, or null before one. */
    StatementPlan planForErrors() {
        ExecutionTrace current = trace;
        return current == null ? null : current.plan();
    }

    /** Ends the latest execution (its usage event is recorded): the statement runs again or closes. */
    final void finishExecution() {
        if (trace != null) {
            trace.finish();
        }
    }

    /** The same vendor result set always comes back as the same wrapper, as callers may compare them. */
    @WrapsReturned
    ResultSet wrapResultSet(ResultSet resultSet) throws SQLException {
        if (resultSet == null) {
            return null;
        }
        try {
            if (lastResultSet == null || !lastResultSet.wraps(resultSet)) {
                lastResultSet = VeilResultSet.of(resultSet, this, connection, trace);
            }
            return lastResultSet;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @WrapsReturned
    Array wrapArray(Array array) {
        return VeilArray.of(array, connection);
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    /** Warnings of a statement whose errors are scrubbed (or of no execution yet) come without their text. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        try {
            return Withholding.warnings(planForErrors(), delegate.getWarnings(), "on a statement");
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * The id of the approval request the statement's latest execution waits (or waited) on, for a caller that runs it
     * on another thread and must tell a person which request to review. Empty when it needed no approval or the
     * request is not created yet.
     */
    public final java.util.Optional<String> awaitedApproval() {
        ExecutionTrace current = trace;
        return java.util.Optional.ofNullable(current == null ? null : current.awaitedRequest());
    }

    /** Also ends a wait for approval, which the vendor statement knows nothing of. */
    @Override
    public void cancel() throws SQLException {
        ExecutionTrace current = trace;
        if (current != null) {
            current.cancel();
        }
        try {
            delegate.cancel();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            finishExecution();
        } finally {
            connection.closed(this);
            try {
                delegate.close();
            } catch (SQLException e) {
                throw translate(e);
            }
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return wrapResultSet(run(sql, Entry.QUERY, plan -> delegate.executeQuery(plan.sql())));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(sql, Entry.EXECUTE, plan -> delegate.execute(plan.sql()));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return run(sql, Entry.EXECUTE, plan -> AutoGeneratedKeys.call(plan, autoGeneratedKeys,
                delegate::execute, delegate::execute));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return run(sql, Entry.EXECUTE, plan -> delegate.execute(plan.sql(),
                plan.generatedKeys().checkedIndexes(columnIndexes)));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return run(sql, Entry.EXECUTE, plan -> delegate.execute(plan.sql(),
                plan.generatedKeys().checkedNames(columnNames)));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return run(sql, Entry.UPDATE, plan -> delegate.executeUpdate(plan.sql()));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return run(sql, Entry.UPDATE, plan -> AutoGeneratedKeys.call(plan, autoGeneratedKeys,
                delegate::executeUpdate, delegate::executeUpdate));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return run(sql, Entry.UPDATE, plan -> delegate.executeUpdate(plan.sql(),
                plan.generatedKeys().checkedIndexes(columnIndexes)));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return run(sql, Entry.UPDATE, plan -> delegate.executeUpdate(plan.sql(),
                plan.generatedKeys().checkedNames(columnNames)));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return run(sql, Entry.UPDATE, plan -> delegate.executeLargeUpdate(plan.sql()));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return run(sql, Entry.UPDATE, plan -> AutoGeneratedKeys.call(plan, autoGeneratedKeys,
                delegate::executeLargeUpdate, delegate::executeLargeUpdate));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return run(sql, Entry.UPDATE, plan -> delegate.executeLargeUpdate(plan.sql(),
                plan.generatedKeys().checkedIndexes(columnIndexes)));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return run(sql, Entry.UPDATE, plan -> delegate.executeLargeUpdate(plan.sql(),
                plan.generatedKeys().checkedNames(columnNames)));
    }

    /** Each batched statement is planned (and may be refused, also as one held for approval) when it is added. */
    @Override
    public void addBatch(String sql) throws SQLException {
        batch.checkOpen();
        StatementPlan plan = session().pipeline().plan(session(), sql, Entry.BATCH);
        batch.checkNotHeld(plan);
        try {
            delegate.addBatch(plan.sql());
        } catch (SQLException e) {
            throw Withholding.error(plan, e, "adding to a batch");
        }
        batch.add(plan);
    }

    @Override
    public void clearBatch() throws SQLException {
        try {
            delegate.clearBatch();
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            batch.clear();
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        try {
            return execute(batch.plan(), plan -> delegate.executeBatch());
        } finally {
            batch.clear();
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        try {
            return execute(batch.plan(), plan -> delegate.executeLargeBatch());
        } finally {
            batch.clear();
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, session());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, session());
    }
}
