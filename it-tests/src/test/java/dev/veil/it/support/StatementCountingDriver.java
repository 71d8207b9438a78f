package dev.veil.it.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A vendor driver in front of the real one ({@code veil.targetDriver}) that records the text of every statement
 * Veil sends on its connections: how a test counts Veil's own round trips (EXPLAINs, catalog reads) client-side.
 */
public final class StatementCountingDriver implements Driver {

    /** Every statement text sent, in order, by every connection this driver opened. */
    public static final List<String> SENT = new CopyOnWriteArrayList<>();

    private static Driver vendor(String url) throws SQLException {
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            if (!(d instanceof StatementCountingDriver) && !d.getClass().getName().startsWith("dev.veil.")
                    && d.acceptsURL(url)) {
                return d;
            }
        }
        throw new SQLException("no vendor driver for " + url);
    }

    /** How many statements sent so far start with {@code prefix} and mention {@code word}. */
    public static long count(String prefix, String word) {
        return SENT.stream().filter(s -> s.stripLeading().regionMatches(true, 0, prefix, 0, prefix.length())
                && s.contains(word)).count();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection real = vendor(url).connect(url, info);
        return real == null ? null : proxy(Connection.class, real);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T real) {
        InvocationHandler handler = (p, method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof String sql
                    && (method.getName().startsWith("execute") || method.getName().startsWith("prepare")
                    || method.getName().equals("addBatch"))) {
                SENT.add(sql);
            }
            try {
                Object result = method.invoke(real, args);
                if (result instanceof Statement s && method.getName().equals("createStatement")) {
                    return proxy(Statement.class, s);
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(StatementCountingDriver.class.getClassLoader(), new Class<?>[] {type},
                handler);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return url != null && (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:mariadb:"));
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return vendor(url).getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
