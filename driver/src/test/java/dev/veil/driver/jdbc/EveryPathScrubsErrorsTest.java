package dev.veil.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.driver.config.VeilConfig;
import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.StatementPipeline;
import dev.veil.driver.pipeline.StatementPlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every method of every wrapper that can throw an SQLException — generated delegation and hand-written behaviour
 * alike, found by reflection — passes what the vendor object threw through the wrapper's translation: a vendor whose
 * every method fails with a message quoting a value (and a cause quoting another) never gets that value to the caller,
 * and the SQLState survives. Warnings handed out by the wrappers come without their text too. The statements run
 * through a pipeline without stages, so nothing analyzes them and Veil cannot tell which columns their errors concern.
 */
class EveryPathScrubsErrorsTest {

    private static final String VALUE = "jane.doe@example.com";

    @Test
    void everyMethodThatMayThrowScrubsTheVendorsError() throws Exception {
        Session session = Session.builder(VeilConfig.defaults(), new StatementPipeline(List.of())).build();
        List<String> checked = new ArrayList<>();
        List<String> leaked = new ArrayList<>();

        VeilConnection connection = (VeilConnection) VeilConnection.wrap(failing(Connection.class), session);
        StatementPlan plan = session.pipeline().plan(session, "SELECT 1", Entry.PREPARE);
        check(new VeilStatementImpl(failing(Statement.class), connection), Statement.class, checked, leaked);
        check(new VeilPreparedStatementImpl(failing(PreparedStatement.class), connection, plan,
                VeilPreparedStatement.GeneratedKeysCheck.NONE), PreparedStatement.class, checked, leaked);
        check(new VeilCallableStatementImpl(failing(CallableStatement.class), connection, plan),
                CallableStatement.class, checked, leaked);
        check(new VeilResultSetImpl(failing(ResultSet.class), null, connection, null), ResultSet.class, checked,
                leaked);
        check(new VeilDatabaseMetaDataImpl(failing(DatabaseMetaData.class), connection), DatabaseMetaData.class,
                checked, leaked);
        check(new VeilArrayImpl(failing(Array.class), connection), Array.class, checked, leaked);
        check(VeilConnection.wrap(failing(Connection.class), session), Connection.class, checked, leaked);

        assertThat(leaked).as("methods whose vendor error reached the caller with its text").isEmpty();
        // every JDBC interface method throws SQLException: hundreds of them, each called
        assertThat(checked).hasSizeGreaterThan(600)
                .contains("Connection.commit", "Connection.rollback", "Connection.setAutoCommit",
                        "Connection.releaseSavepoint", "Connection.close", "Connection.getWarnings",
                        "Statement.getWarnings", "Statement.getMoreResults", "ResultSet.next",
                        "ResultSet.getWarnings", "ResultSet.getString", "PreparedStatement.setString",
                        "Statement.executeQuery", "PreparedStatement.executeQuery", "DatabaseMetaData.getTables");
    }

    @Test
    void warningsHandedOutByTheWrappersComeWithoutTheirText() throws SQLException {
        Session session = Session.builder(VeilConfig.defaults(), new StatementPipeline(List.of())).build();
        VeilConnection connection = (VeilConnection) VeilConnection.wrap(warning(Connection.class), session);
        assertThat(connection.getWarnings().getMessage()).doesNotContain(VALUE).startsWith("veil:");
        assertThat(connection.getWarnings().getSQLState()).isEqualTo("01000");
        assertThat(new VeilStatementImpl(warning(Statement.class), connection).getWarnings().getMessage())
                .doesNotContain(VALUE);
        assertThat(new VeilResultSetImpl(warning(ResultSet.class), null, connection, null).getWarnings()
                .getMessage()).doesNotContain(VALUE);
    }

    private static void check(Object wrapper, Class<?> iface, List<String> checked, List<String> leaked)
            throws IllegalAccessException {
        for (Method method : iface.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || !throwsSqlException(method)) {
                continue;
            }
            String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            Object[] args = Arrays.stream(method.getParameterTypes()).map(EveryPathScrubsErrorsTest::argument)
                    .toArray();
            try {
                method.invoke(wrapper, args);
            } catch (InvocationTargetException e) {
                Throwable thrown = e.getCause();
                if (!(thrown instanceof SQLException error)) {
                    leaked.add(name + " threw " + thrown);
                    continue;
                }
                checked.add(name);
                if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                    continue; // Veil's own refusal
                }
                if (mentionsValue(error) || !"23505".equals(error.getSQLState())) {
                    leaked.add(name + ": " + error);
                }
            }
        }
    }

    private static boolean mentionsValue(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(VALUE)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (mentionsValue(s)) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t
                    && mentionsValue(sql.getNextException())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean throwsSqlException(Method method) {
        return Arrays.stream(method.getExceptionTypes()).anyMatch(SQLException.class::isAssignableFrom);
    }

    private static Object argument(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == double.class) {
            return 1d;
        }
        if (type == float.class) {
            return 1f;
        }
        if (type == short.class) {
            return (short) 1;
        }
        if (type == byte.class) {
            return (byte) 1;
        }
        if (type == String.class) {
            return "SELECT 1";
        }
        if (type == Class.class) {
            return Object.class;
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        }
        return null;
    }

    /** A vendor object whose every method that may throw fails with a message (and cause) quoting a value. */
    private static <T> T failing(Class<T> iface) {
        return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method, args);
                    }
                    if (!throwsSqlException(method)) {
                        return argumentOrNull(method.getReturnType());
                    }
                    SQLException cause = new SQLException("invalid input syntax for type integer: \"" + VALUE + "\"",
                            "22P02");
                    String message = "duplicate key value violates unique constraint \"u\"\n  Detail: Key (email)=("
                            + VALUE + ") already exists.";
                    SQLException error = Arrays.asList(method.getExceptionTypes()).contains(SQLException.class)
                            ? new SQLException(message, "23505", 0, cause)
                            : new java.sql.SQLClientInfoException(message, "23505", 0, Map.of(), cause);
                    error.setNextException(new SQLException("batch entry: " + VALUE, "23505"));
                    error.addSuppressed(new SQLException("suppressed: " + VALUE, "23505"));
                    throw error;
                }));
    }

    /** A vendor object whose {@code getWarnings()} quotes a value. */
    private static <T> T warning(Class<T> iface) {
        return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method, args);
                    }
                    if (method.getName().equals("getWarnings")) {
                        return new SQLWarning("NOTICE: row " + VALUE + " checked at commit", "01000");
                    }
                    return argumentOrNull(method.getReturnType());
                }));
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "vendor object";
        };
    }

    private static Object argumentOrNull(Class<?> type) {
        return type.isPrimitive() && type != void.class ? argument(type) : null;
    }
}
