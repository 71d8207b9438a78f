package dev.veil.driver;

import dev.veil.driver.config.Settings;
import dev.veil.driver.config.VeilConfig;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.jdbc.Unwrapping;
import dev.veil.driver.jdbc.VeilConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Puts any {@link DataSource} — typically a pool such as HikariCP — behind Veil, for frameworks configured with a
 * data source rather than a URL. Settings are given with {@link #setSetting}; environment variables and defaults
 * apply as for the driver.
 */
public class VeilDataSource implements DataSource {

    private volatile DataSource target;
    private final Properties settings = new Properties();
    private volatile VeilConfig config;

    public VeilDataSource() {
    }

    public VeilDataSource(DataSource target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    public DataSource getTargetDataSource() {
        return target;
    }

    public void setTargetDataSource(DataSource target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Sets a {@code veil.*} setting; checked when the first connection is made. */
    public synchronized void setSetting(String key, String value) {
        settings.setProperty(key, value);
        config = null;
    }

    /** Sets several {@code veil.*} settings at once (e.g. bound from Spring configuration). */
    public synchronized void setSettings(Map<String, String> values) {
        values.forEach(settings::setProperty);
        config = null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target().getConnection(username, password));
    }

    private Connection wrap(Connection vendor) throws SQLException {
        return VeilConnection.wrap(vendor, SessionOpener.open(vendor, config(), null));
    }

    private VeilConfig config() throws SQLException {
        VeilConfig resolved = config;
        if (resolved == null) {
            synchronized (this) {
                for (String key : settings.stringPropertyNames()) {
                    if (!Settings.isVeilKey(key)) {
                        throw VeilErrors.configuration("VeilDataSource setting '" + key + "' is not a veil.* key;"
                                + " configure the vendor on the target data source");
                    }
                }
                resolved = VeilConfig.resolve(Map.of(), settings, System.getenv());
                config = resolved;
            }
        }
        return resolved;
    }

    private DataSource target() throws SQLException {
        DataSource current = target;
        if (current == null) {
            throw VeilErrors.configuration("VeilDataSource has no target data source");
        }
        return current;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.veil");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, this::target, "the target data source", iface,
                () -> config().get(Settings.ALLOW_UNWRAP));
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, this::target, iface, () -> config().get(Settings.ALLOW_UNWRAP));
    }
}
