package dev.veil.benchmarks.peers;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A contender's driver as the {@link DataSource} HikariCP pools. HikariCP is not told a driver class name: looking it
 * up, it would find the benchmark's own copy of the driver rather than the contender's.
 */
final class ContenderDataSource implements DataSource {

    private final Contender contender;
    private PrintWriter logWriter;
    private int loginTimeout;

    ContenderDataSource(Contender contender) {
        this.contender = contender;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return contender.connect();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the benchmark's contenders carry their own credentials");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
