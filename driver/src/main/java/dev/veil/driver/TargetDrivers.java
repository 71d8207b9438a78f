package dev.veil.driver;

import dev.veil.driver.config.VeilUrl;
import dev.veil.driver.errors.VeilErrors;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds the vendor driver for a target URL: the class named by {@code veil.targetDriver}, else whatever
 * {@link DriverManager} offers, else {@link ServiceLoader} on the thread's context class loader (Spark executors and
 * application servers keep drivers there, out of DriverManager's sight), else on Veil's own class loader.
 */
final class TargetDrivers {

    /** Bounds the scan should a broken provider keep failing without advancing. */
    private static final int MAX_PROVIDERS = 1_000;

    private static final ConcurrentMap<String, Driver> EXPLICIT = new ConcurrentHashMap<>();

    private TargetDrivers() {
    }

    static Driver find(String targetUrl, Optional<String> explicitClass) throws SQLException {
        String scheme = VeilUrl.scheme(targetUrl);
        if (explicitClass.isPresent()) {
            Driver driver = explicit(explicitClass.get());
            if (!driver.acceptsURL(targetUrl)) {
                throw VeilErrors.configuration("veil.targetDriver " + explicitClass.get() + " does not accept "
                        + scheme + " URLs");
            }
            return driver;
        }
        try {
            return DriverManager.getDriver(targetUrl);
        } catch (SQLException notRegistered) {
            // fall through to the class loaders DriverManager does not see
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Optional<Driver> found = context == null ? Optional.empty() : fromServiceLoader(targetUrl, context);
        if (found.isEmpty()) {
            found = fromServiceLoader(targetUrl, TargetDrivers.class.getClassLoader());
        }
        return found.orElseThrow(() -> VeilErrors.configuration("no JDBC driver accepts " + scheme
                + " URLs: put the vendor driver on the class path, or name its class with veil.targetDriver"));
    }

    private static Driver explicit(String className) throws SQLException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        String key = className + "@" + System.identityHashCode(context);
        Driver cached = EXPLICIT.get(key);
        if (cached != null) {
            return cached;
        }
        Class<?> type = loadClass(className, context);
        if (!Driver.class.isAssignableFrom(type)) {
            throw VeilErrors.configuration("veil.targetDriver " + className + " is not a java.sql.Driver");
        }
        try {
            Driver driver = (Driver) type.getDeclaredConstructor().newInstance();
            EXPLICIT.putIfAbsent(key, driver);
            return driver;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw VeilErrors.configuration("veil.targetDriver " + className + " cannot be instantiated", e);
        }
    }

    private static Class<?> loadClass(String className, ClassLoader context) throws SQLException {
        for (ClassLoader loader : new ClassLoader[] {context, TargetDrivers.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(className, true, loader);
            } catch (ClassNotFoundException e) {
                // try the next loader
            }
        }
        throw VeilErrors.configuration("veil.targetDriver " + className + " is not on the class path");
    }

    private static Optional<Driver> fromServiceLoader(String targetUrl, ClassLoader loader) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        for (int attempts = 0; attempts < MAX_PROVIDERS; attempts++) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    return Optional.empty();
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError brokenProvider) {
                continue; // one broken META-INF/services entry must not hide the others
            }
            try {
                if (!(driver instanceof VeilDriver) && driver.acceptsURL(targetUrl)) {
                    return Optional.of(driver);
                }
            } catch (SQLException | RuntimeException e) {
                // a driver that cannot answer does not accept the URL
            }
        }
        return Optional.empty();
    }
}
