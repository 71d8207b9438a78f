package dev.veil.driver.jdbc;

import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.jdbc.delegation.JdbcWrapper;
import java.sql.CallableStatement;
import java.sql.SQLException;
import java.util.Map;

/** A callable statement behind Veil. OUT values that are result sets (cursors) or arrays come back wrapped. */
@JdbcWrapper(CallableStatement.class)
public abstract class VeilCallableStatement extends VeilPreparedStatement implements CallableStatement {

    VeilCallableStatement(CallableStatement delegate, VeilConnection connection, StatementPlan plan) {
        super(delegate, connection, plan, GeneratedKeysCheck.NONE); // calls return no generated keys
    }

    private CallableStatement callable() {
        return (CallableStatement) delegate;
    }

    @Override
    public Object getObject(int parameterIndex) throws SQLException {
        try {
            return JdbcValues.wrap(callable().getObject(parameterIndex), connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Object getObject(String parameterName) throws SQLException {
        try {
            return JdbcValues.wrap(callable().getObject(parameterName), connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
        try {
            return JdbcValues.wrap(callable().getObject(parameterIndex, map), connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
        try {
            return JdbcValues.wrap(callable().getObject(parameterName, map), connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
        try {
            return type.cast(JdbcValues.wrap(callable().getObject(parameterIndex, type), connection));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
        try {
            return type.cast(JdbcValues.wrap(callable().getObject(parameterName, type), connection));
        } catch (SQLException e) {
            throw translate(e);
        }
    }
}
