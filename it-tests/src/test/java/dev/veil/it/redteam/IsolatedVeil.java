package dev.veil.it.redteam;

import dev.veil.it.support.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Another Veil instance, as another executor or service has it: the self-contained driver jar loaded by a class
 * loader of its own, so that none of its process-wide state — catalog caches, plans, analyses — is this JVM's
 * Veil's. Vendor drivers come from the test's class path (one H2 in-memory database for all).
 */
final class IsolatedVeil implements AutoCloseable {

    /** Loads {@code dev.veil.*} from the jar first; everything else (vendor drivers, JDBC) from the parent. */
    private static final class VeilFirst extends URLClassLoader {
        VeilFirst(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.veil.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    private final URLClassLoader loader;
    private final Driver driver;

    private IsolatedVeil(URLClassLoader loader, Driver driver) {
        this.loader = loader;
        this.driver = driver;
    }

    static IsolatedVeil load() throws Exception {
        Path jar = Path.of(System.getProperty("veil.shadedDriverJar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the self-contained driver jar is built by the driver module: " + jar);
        }
        URLClassLoader loader = new VeilFirst(jar.toUri().toURL(), IsolatedVeil.class.getClassLoader());
        Driver driver = (Driver) loader.loadClass("dev.veil.driver.VeilDriver").getDeclaredConstructor()
                .newInstance();
        if (driver.getClass() == dev.veil.driver.VeilDriver.class) {
            throw new IllegalStateException("the isolated driver is this JVM's own");
        }
        return new IsolatedVeil(loader, driver);
    }

    /** A connection of this instance, with the red team's policy and {@code extra} settings. */
    Connection open(TestDatabase db, Properties extra) throws SQLException {
        Properties p = db.credentials();
        p.putAll(RedTeam.veilProperties(db));
        p.putAll(extra);
        Connection c = driver.connect(db.veilUrl(), p);
        if (c == null) {
            throw new SQLException("the isolated driver does not accept " + db.veilUrl());
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
