package dev.veil.benchmarks.peers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Veil's rewritten SQL, through its public explain API ({@code connection.unwrap(VeilConnection.class).explain(sql)}):
 * what "raw + Veil SQL" sends, i.e. what the database alone costs for Veil's statements. Veil lives in a class loader
 * of its own, so the API is reached reflectively.
 */
final class VeilRewrites implements SqlSource {

    private final Object veilConnection;
    private final Method explain;

    VeilRewrites(Connection veil) throws SQLException {
        try {
            Class<?> type = Class.forName("dev.veil.driver.jdbc.VeilConnection", false,
                    veil.getClass().getClassLoader());
            this.veilConnection = veil.unwrap(type);
            this.explain = type.getMethod("explain", String.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Veil's explain API is not where the benchmark expects it", e);
        }
    }

    @Override
    public String text(String sql) throws SQLException {
        try {
            Object explanation = explain.invoke(veilConnection, sql);
            String rewritten = (String) explanation.getClass().getMethod("rewritten").invoke(explanation);
            if (rewritten == null) {
                String refusal = (String) explanation.getClass().getMethod("refusal").invoke(explanation);
                throw new IllegalStateException("Veil refuses the benchmark's statement " + sql + ": " + refusal);
            }
            return rewritten;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sqlException) {
                throw sqlException;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Veil's explanation is not what the benchmark expects", e);
        }
    }
}
