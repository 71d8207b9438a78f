package dev.veil.driver.jdbc;

import dev.veil.driver.explain.Explainer;
import dev.veil.driver.explain.Explanation;
import dev.veil.driver.jdbc.VeilPreparedStatement.GeneratedKeysCheck;
import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.driver.pipeline.Withholding;
import dev.veil.jdbc.delegation.JdbcWrapper;
import dev.veil.jdbc.delegation.TranslatesErrors;
import dev.veil.jdbc.delegation.WrapsReturned;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/** A vendor connection behind Veil: statements it creates are Veil's, and all SQL goes through the pipeline. */
@JdbcWrapper(Connection.class)
public abstract class VeilConnection implements Connection {

    protected final Connection delegate;
    private final Session session;
    /** Statements not yet closed, so that closing the connection ends their executions (and records them). */
    private final Set<VeilStatement> openStatements = Collections.newSetFromMap(
            Collections.synchronizedMap(new WeakHashMap<>()));

    VeilConnection(Connection delegate, Session session) {
        this.delegate = delegate;
        this.session = session;
    }

    /** Puts {@code vendorConnection} behind Veil. */
    public static Connection wrap(Connection vendorConnection, Session session) {
        return new VeilConnectionImpl(vendorConnection, session);
    }

    Session session() {
        return session;
    }

    void opened(VeilStatement statement) {
        openStatements.add(statement);
    }

    void closed(VeilStatement statement) {
        openStatements.remove(statement);
    }

    /**
     * Errors of the connection itself — a commit reporting a deferred constraint, a rollback, a close, a setting —
     * concern no statement Veil analyzed, so they come without their text (SQLState and vendor code kept).
     */
    @TranslatesErrors
    SQLException translate(SQLException error) {
        return Withholding.error(null, error, "on the connection");
    }

    @Override
    public void close() throws SQLException {
        try {
            synchronized (openStatements) {
                openStatements.forEach(VeilStatement::finishExecution);
                openStatements.clear();
            }
        } finally {
            try {
                delegate.close();
            } catch (SQLException e) {
                throw translate(e);
            }
        }
    }

    /** The connection's warnings (PostgreSQL notices raised at commit among them) come without their text. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        try {
            return Withholding.warnings(null, delegate.getWarnings(), "on the connection");
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void commit() throws SQLException {
        try {
            delegate.commit();
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            session.tracker().transactionEnded(true);
        }
    }

    @Override
    public void rollback() throws SQLException {
        try {
            delegate.rollback();
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            session.tracker().transactionEnded(true);
        }
    }

    @Override
    public void rollback(java.sql.Savepoint savepoint) throws SQLException {
        try {
            delegate.rollback(savepoint);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            session.tracker().transactionEnded(false);
        }
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        try {
            delegate.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            session.tracker().transactionEnded(true);
        }
    }

    /** A new schema or database changes how names resolve: Veil reads the session's state again. */
    @Override
    public void setSchema(String schema) throws SQLException {
        session.tracker().refreshState();
        try {
            delegate.setSchema(schema);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        session.tracker().refreshState();
        try {
            delegate.setCatalog(catalog);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @WrapsReturned
    Statement wrapStatement(Statement statement) {
        return new VeilStatementImpl(statement, this);
    }

    @WrapsReturned
    DatabaseMetaData wrapMetaData(DatabaseMetaData metaData) {
        return new VeilDatabaseMetaDataImpl(metaData, this);
    }

    @WrapsReturned
    Array wrapArray(Array array) {
        return VeilArray.of(array, this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepare(sql, plan -> delegate.prepareStatement(plan.sql()), GeneratedKeysCheck.NONE);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepare(sql, plan -> delegate.prepareStatement(plan.sql(), resultSetType, resultSetConcurrency),
                GeneratedKeysCheck.NONE);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        return prepare(sql, plan -> delegate.prepareStatement(plan.sql(), resultSetType, resultSetConcurrency,
                resultSetHoldability), GeneratedKeysCheck.NONE);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepare(sql, plan -> AutoGeneratedKeys.call(plan, autoGeneratedKeys,
                delegate::prepareStatement, delegate::prepareStatement),
                (earlier, renewed) -> earlier.generatedKeys().checkFlagUnchanged(renewed.generatedKeys(),
                        autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        // a renewed plan checks the copy the vendor was given, not the caller's array
        int[] checked = columnIndexes == null ? null : columnIndexes.clone();
        return prepare(sql, plan -> delegate.prepareStatement(plan.sql(), plan.generatedKeys().checkedIndexes(checked)),
                (earlier, renewed) -> renewed.generatedKeys().checkedIndexes(checked));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        // a renewed plan checks the copy the vendor was given, not the caller's array
        String[] checked = columnNames == null ? null : columnNames.clone();
        return prepare(sql, plan -> delegate.prepareStatement(plan.sql(), plan.generatedKeys().checkedNames(checked)),
                (earlier, renewed) -> renewed.generatedKeys().checkedNames(checked));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return prepareCall(sql, plan -> delegate.prepareCall(plan.sql()));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepareCall(sql, plan -> delegate.prepareCall(plan.sql(), resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        return prepareCall(sql, plan -> delegate.prepareCall(plan.sql(), resultSetType, resultSetConcurrency,
                resultSetHoldability));
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        StatementPlan plan = session.pipeline().plan(session, sql, Entry.NATIVE_SQL);
        try {
            return delegate.nativeSQL(plan.sql());
        } catch (SQLException e) {
            throw Withholding.error(plan, e, "translating SQL");
        }
    }

    /**
     * What Veil would do with {@code sql} on this connection, without running it: the statement's kind, the
     * sensitive columns it touches and why, what happens at each reference, and the SQL the database would receive
     * — or why it would be refused. Reach it with {@code connection.unwrap(VeilConnection.class).explain(sql)}.
     */
    public Explanation explain(String sql) throws SQLException {
        return Explainer.explain(session, sql);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, session);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, session);
    }

    @FunctionalInterface
    private interface VendorPrepare<S> {
        S prepare(StatementPlan plan) throws SQLException;
    }

    /** @param generatedKeys checks the keys the vendor statement returns again whenever its plan is made anew */
    private PreparedStatement prepare(String sql, VendorPrepare<PreparedStatement> vendor,
                                      GeneratedKeysCheck generatedKeys) throws SQLException {
        StatementPlan plan = session.pipeline().plan(session, sql, Entry.PREPARE);
        try {
            return new VeilPreparedStatementImpl(vendor.prepare(plan), this, plan, generatedKeys);
        } catch (SQLException e) {
            throw Withholding.error(plan, e, "while preparing");
        }
    }

    private CallableStatement prepareCall(String sql, VendorPrepare<CallableStatement> vendor) throws SQLException {
        StatementPlan plan = session.pipeline().plan(session, sql, Entry.PREPARE_CALL);
        try {
            return new VeilCallableStatementImpl(vendor.prepare(plan), this, plan);
        } catch (SQLException e) {
            throw Withholding.error(plan, e, "while preparing");
        }
    }
}
