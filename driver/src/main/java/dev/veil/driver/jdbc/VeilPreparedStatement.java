package dev.veil.driver.jdbc;

import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.jdbc.delegation.JdbcWrapper;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A prepared statement behind Veil: planned once when prepared, each execution passes the execution stages. */
@JdbcWrapper(PreparedStatement.class)
public abstract class VeilPreparedStatement extends VeilStatement implements PreparedStatement {

    /**
     * Checks a plan made anew against the generated keys the vendor statement was prepared to return: they were
     * allowed by the earlier plan, and a column among them may have become sensitive since.
     */
    @FunctionalInterface
    interface GeneratedKeysCheck {
        GeneratedKeysCheck NONE = (earlier, renewed) -> {
        };

        void check(StatementPlan earlier, StatementPlan renewed) throws SQLException;
    }

    /** Made when prepared; checked again before each execution, in case the schema or search path changed. */
    private volatile StatementPlan plan;
    private final GeneratedKeysCheck generatedKeys;
    /** The vendor calls of the usual executions, made once rather than per execution. */
    private final Execution.VendorCall<ResultSet> query = p -> prepared().executeQuery();
    private final Execution.VendorCall<Boolean> any = p -> prepared().execute();
    private final Execution.VendorCall<Integer> update = p -> prepared().executeUpdate();

    VeilPreparedStatement(PreparedStatement delegate, VeilConnection connection, StatementPlan plan,
                          GeneratedKeysCheck generatedKeys) {
        super(delegate, connection);
        this.plan = plan;
        this.generatedKeys = generatedKeys;
    }

    /** Before an execution, the statement's errors (e.g. of setting a parameter) belong to its prepared plan. */
    @Override
    StatementPlan planForErrors() {
        StatementPlan executed = super.planForErrors();
        return executed != null ? executed : plan;
    }

    private StatementPlan currentPlan() throws SQLException {
        try {
            return renewedPlan();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private StatementPlan renewedPlan() throws SQLException {
        StatementPlan checked = session().pipeline().revalidate(session(), plan);
        if (checked != plan) {
            generatedKeys.check(plan, checked);
        }
        plan = checked;
        return checked;
    }

    private PreparedStatement prepared() {
        return (PreparedStatement) delegate;
    }

    /** An array from {@code createArrayOf} is Veil's wrapper; the vendor statement gets the vendor's array. */
    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        try {
            prepared().setArray(parameterIndex, (Array) VeilArray.vendorValue(x));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        try {
            prepared().setObject(parameterIndex, VeilArray.vendorValue(x));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return wrapResultSet(execute(currentPlan(), query));
    }

    @Override
    public boolean execute() throws SQLException {
        return execute(currentPlan(), any);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return execute(currentPlan(), update);
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
