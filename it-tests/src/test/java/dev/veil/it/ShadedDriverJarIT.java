package dev.veil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The self-contained driver jar works on its own, next to a vendor driver in a class loader that DriverManager does
 * not see (as on a Spark executor), and carries no vendor driver and no unrelocated third-party class.
 */
class ShadedDriverJarIT {

    private static Path shadedJar() {
        Path jar = Path.of(System.getProperty("veil.shadedDriverJar"));
        assertThat(jar).as("the build produces the self-contained driver jar").exists();
        return jar;
    }

    @Test
    void holdsOnlyVeilAndRelocatedClasses() throws IOException {
        try (JarFile jar = new JarFile(shadedJar().toFile())) {
            List<String> foreign = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class"))
                    .filter(name -> !name.startsWith("dev/veil/") && !name.startsWith("META-INF/versions/"))
                    .toList();
            assertThat(foreign).isEmpty();
            assertThat(jar.getEntry("org/postgresql/Driver.class")).isNull();
            assertThat(jar.getEntry("META-INF/services/java.sql.Driver")).isNotNull();
        }
    }

    @Test
    void connectsThroughAVendorDriverFoundOnTheContextClassLoader() throws Exception {
        Path h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(
                new URL[] {shadedJar().toUri().toURL(), h2.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(isolated);
            Driver veil = (Driver) isolated.loadClass("dev.veil.driver.VeilDriver").getDeclaredConstructor()
                    .newInstance();
            Driver vendor = (Driver) isolated.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            try (Connection raw = vendor.connect("jdbc:h2:mem:shaded;DB_CLOSE_DELAY=-1", new Properties());
                 Statement s = raw.createStatement()) {
                s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(80), team INT)");
                s.execute("CREATE TABLE teams (id INT PRIMARY KEY, name VARCHAR(20))");
                s.execute("INSERT INTO teams VALUES (1, 'blue')");
                s.execute("INSERT INTO people VALUES (1, 'ann@example.com', 1)");
            }
            try (Connection c = veil.connect("jdbc:veil:h2:mem:shaded", new Properties());
                 Statement s = c.createStatement()) {
                // a join over tables: parsing, resolution, the Calcite cross-check (generated code) and masking,
                // all relocated
                try (ResultSet rs =
                        s.executeQuery("SELECT p.email, t.name FROM people p JOIN teams t ON t.id = p.team")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("a***@example.com");
                    assertThat(rs.getString(2)).isEqualTo("blue");
                }
                assertThat(c.getClass().getClassLoader()).isSameAs(isolated);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertThat(Files.size(shadedJar())).isPositive();
    }
}
