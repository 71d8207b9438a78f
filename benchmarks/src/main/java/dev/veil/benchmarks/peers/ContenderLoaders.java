package dev.veil.benchmarks.peers;

import java.net.URLClassLoader;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/**
 * One class loader per contender, so that their libraries cannot clash (ShardingSphere 5.5.2 brings Calcite 1.38 and
 * its own Jackson; Veil's jar carries its own, relocated). The vendor drivers sit in a loader of their own whose
 * parent is the platform loader, and every contender's loader has it as its parent: all contenders drive the same
 * vendor classes and, on H2, the same in-memory database. Nothing here sees the benchmark's own class path. The
 * loaders live as long as the JVM: the contenders' shutdown hooks (Veil flushes its audit queue) still load classes.
 */
final class ContenderLoaders {

    static final String VENDORS = "vendors";

    private final ClassPaths classPaths;
    private final URLClassLoader vendors;
    private final Map<String, URLClassLoader> contenders = new LinkedHashMap<>();

    ContenderLoaders(ClassPaths classPaths) {
        this.classPaths = classPaths;
        this.vendors = new URLClassLoader(VENDORS, classPaths.jars(VENDORS), ClassLoader.getPlatformClassLoader());
        // instantiating each driver registers it with DriverManager, where wrapping drivers look for it
        ServiceLoader.load(Driver.class, vendors).forEach(driver -> { });
    }

    ClassLoader vendors() {
        return vendors;
    }

    /** The vendor driver that accepts {@code url} (DriverManager would answer the caller's own copy). */
    Driver vendorDriver(String url) throws SQLException {
        for (Driver driver : ServiceLoader.load(Driver.class, vendors)) {
            if (driver.acceptsURL(url)) {
                return driver;
            }
        }
        throw new IllegalStateException("no vendor driver accepts " + url);
    }

    /**
     * A loader of its own for one contender on one database, of the jars in {@code target/classpath/<jars>/}, over
     * the vendor drivers. Two contenders from the same jars (Veil and Veil with driver masking), or one contender on
     * two databases, never share loaded classes: the JIT would otherwise compile each one's code with the others'
     * profiles (a call site that sees three vendors' result sets is no longer inlined), which no application that
     * uses one database in one mode would see.
     */
    synchronized ClassLoader contender(String jars, String contender, String database) {
        String name = contender + "@" + database;
        return contenders.computeIfAbsent(name, n -> new URLClassLoader(n, classPaths.jars(jars), vendors));
    }

    /** A new instance of a driver class, loaded (and initialised) by {@code loader}. */
    static Driver driver(ClassLoader loader, String className) {
        try {
            return withContext(loader, () -> (Driver) Class.forName(className, true, loader)
                    .getDeclaredConstructor().newInstance());
        } catch (Exception e) {
            throw new IllegalStateException("cannot load driver " + className + " in " + loader.getName(), e);
        }
    }

    /**
     * Runs {@code work} with {@code loader} as the thread's context class loader: ShardingSphere finds its plug-ins
     * through it, lazily, so every call into a contender runs this way.
     */
    static <T> T withContext(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** For callers that only throw SQL exceptions. */
    static <T> T withContextSql(ClassLoader loader, Callable<T> work) throws SQLException {
        try {
            return withContext(loader, work);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
