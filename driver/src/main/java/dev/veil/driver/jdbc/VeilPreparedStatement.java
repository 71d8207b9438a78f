package dev.veil.driver.jdbc;

import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.jdbc.delegation.JdbcWrapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A prepared statement behind Veil: planned once when prepared, each execution passes the execution stages. */
@JdbcWrapper(PreparedStatement.class)
public abstract class VeilPreparedStatement extends VeilStatement implements PreparedStatement {

    /** Made when prepared; checked again before each execution, in case the schema or search path changed. */
    private volatile StatementPlan plan;

    VeilPreparedStatement(PreparedStatement delegate, VeilConnection connection, StatementPlan plan) {
        super(delegate, connection);
        this.plan = plan;
    }

    private StatementPlan currentPlan() throws SQLException {
        StatementPlan checked = session().pipeline().revalidate(session(), plan);
        plan = checked;
        return checked;
    }

    private PreparedStatement prepared() {
        return (PreparedStatement) delegate;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return wrapResultSet(execute(currentPlan(), p -> prepared().executeQuery()));
    }

    @Override
    public boolean execute() throws SQLException {
        return execute(currentPlan(), p -> prepared().execute());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return execute(currentPlan(), p -> prepared().executeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return execute(currentPlan(), p -> prepared().executeLargeUpdate());
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return execute(currentPlan(), p -> prepared().executeBatch());
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return execute(currentPlan(), p -> prepared().executeLargeBatch());
    }
}
