package dev.veil.driver;

import dev.veil.driver.config.Setting;
import dev.veil.driver.config.Settings;
import dev.veil.driver.config.VeilConfig;
import dev.veil.driver.config.VeilUrl;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.jdbc.VeilConnection;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:veil:} driver. {@code jdbc:veil:postgresql://h/db} connects through the vendor driver for
 * {@code jdbc:postgresql://h/db} and puts the connection behind Veil.
 */
public final class VeilDriver implements Driver {

    static {
        try {
            DriverManager.registerDriver(new VeilDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
        EngineAdapters.registerPresent();
    }

    @Override
    public boolean acceptsURL(String url) {
        return VeilUrl.accepts(url);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // DriverManager asks every driver; only jdbc:veil: is ours
        }
        Target target = target(url, info);
        Connection vendor = target.driver().connect(target.url().targetUrl(), target.vendorProperties());
        if (vendor == null) {
            throw VeilErrors.configuration("the vendor driver for " + target.url().targetScheme()
                    + " URLs did not accept the target URL");
        }
        return VeilConnection.wrap(vendor, SessionOpener.open(vendor, target.config(), target.url().targetUrl()));
    }

    /** The vendor driver's own properties followed by Veil's settings. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        List<DriverPropertyInfo> all = new ArrayList<>();
        if (acceptsURL(url)) {
            Target target = target(url, info);
            all.addAll(Arrays.asList(target.driver().getPropertyInfo(target.url().targetUrl(),
                    target.vendorProperties())));
        }
        for (Setting<?> setting : Settings.ALL) {
            Object value = setting.defaultValue() instanceof Optional<?> o ? o.orElse(null) : setting.defaultValue();
            DriverPropertyInfo property = new DriverPropertyInfo(setting.key(),
                    value == null ? null : value.toString());
            property.description = setting.description();
            all.add(property);
        }
        return all.toArray(DriverPropertyInfo[]::new);
    }

    @Override
    public int getMajorVersion() {
        return VeilVersion.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return VeilVersion.MINOR;
    }

    /** Veil passes the vendor's behaviour through but refuses some statements, so it claims no compliance. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.veil");
    }

    /**
     * A {@code jdbc:veil:} URL with its connection properties, resolved: the settings in force, and the vendor driver
     * for its target URL with the properties meant for it.
     */
    private record Target(VeilUrl url, VeilConfig config, Driver driver, Properties vendorProperties) {
    }

    private static Target target(String url, Properties info) throws SQLException {
        VeilUrl veilUrl = VeilUrl.parse(url);
        Properties given = info == null ? new Properties() : info;
        VeilConfig config = VeilConfig.resolve(veilUrl.settings(), given, System.getenv());
        Driver driver = TargetDrivers.find(veilUrl.targetUrl(), config.get(Settings.TARGET_DRIVER));
        return new Target(veilUrl, config, driver, withoutVeilSettings(given));
    }

    static Properties withoutVeilSettings(Properties properties) {
        Properties vendor = new Properties();
        for (Map.Entry<Object, Object> e : properties.entrySet()) {
            if (!(e.getKey() instanceof String key && Settings.isVeilKey(key))) {
                vendor.put(e.getKey(), e.getValue());
            }
        }
        // Properties may carry defaults that entrySet() does not show
        for (String key : properties.stringPropertyNames()) {
            if (!Settings.isVeilKey(key) && !vendor.containsKey(key)) {
                vendor.setProperty(key, properties.getProperty(key));
            }
        }
        return vendor;
    }
}
