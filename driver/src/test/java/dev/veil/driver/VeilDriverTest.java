package dev.veil.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.driver.errors.VeilErrors;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VeilDriverTest {

    @Test
    void registersItselfAndAcceptsOnlyVeilUrls() throws SQLException {
        Driver driver = DriverManager.getDriver("jdbc:veil:h2:mem:x");
        assertThat(driver).isInstanceOf(VeilDriver.class);
        assertThat(driver.acceptsURL("jdbc:veil:postgresql://h/db")).isTrue();
        assertThat(driver.acceptsURL("jdbc:h2:mem:x")).isFalse();
        assertThat(driver.acceptsURL("jdbc:VEIL:h2:mem:x")).isFalse();
        assertThat(driver.acceptsURL(null)).isFalse();
        assertThat(driver.connect("jdbc:h2:mem:x", new Properties())).isNull();
    }

    @Test
    void connectsThroughTheVendorDriverWithVeilSettingsRemoved() throws SQLException {
        Properties props = new Properties();
        props.setProperty("veil.allowUnwrap", "false");
        props.setProperty("user", "sa");
        try (Connection c = DriverManager.getConnection("jdbc:veil:h2:mem:drv;veil.allowUnwrap=false", props);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("DRV");
            assertThat(c.getMetaData().getURL()).isEqualTo("jdbc:veil:h2:mem:drv");
        }
    }

    @Test
    void findsTheVendorDriverThroughTheContextClassLoaderWhenDriverManagerHidesIt() throws SQLException {
        Driver h2 = DriverManager.getDriver("jdbc:h2:mem:x");
        DriverManager.deregisterDriver(h2);
        try {
            assertThatThrownBy(() -> DriverManager.getDriver("jdbc:h2:mem:x")).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection("jdbc:veil:h2:mem:hidden")) {
                assertThat(c.isValid(1)).isTrue();
            }
        } finally {
            DriverManager.registerDriver(h2);
        }
    }

    @Test
    void usesTheExplicitlyNamedTargetDriver() throws SQLException {
        try (Connection c = DriverManager.getConnection(
                "jdbc:veil:h2:mem:explicit;veil.targetDriver=org.h2.Driver")) {
            assertThat(c.isValid(1)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:veil:h2:mem:x;veil.targetDriver=no.Such"))
                .hasMessage("veil: veil.targetDriver no.Such is not on the class path");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:veil:h2:mem:x;veil.targetDriver=java.lang.String"))
                .hasMessage("veil: veil.targetDriver java.lang.String is not a java.sql.Driver");
        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:veil:postgresql://h/db?veil.targetDriver=org.h2.Driver"))
                .hasMessage("veil: veil.targetDriver org.h2.Driver does not accept jdbc:postgresql: URLs");
    }

    @Test
    void saysSoWhenNoDriverAcceptsTheTarget() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(new ClassLoader(null) {
        });
        try {
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:veil:nosuchdb://host/db?password=secret"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo(VeilErrors.CONFIGURATION_SQLSTATE);
                        assertThat(e.getMessage()).isEqualTo("veil: no JDBC driver accepts jdbc:nosuchdb: URLs: put"
                                + " the vendor driver on the class path, or name its class with veil.targetDriver");
                    });
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void unknownSettingsRefuseTheConnection() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:veil:h2:mem:x;veil.polcy=p.yaml"))
                .hasMessageStartingWith("veil: unknown setting 'veil.polcy' (URL parameter)");
    }

    @Test
    void describesVendorAndVeilProperties() throws SQLException {
        DriverPropertyInfo[] info = new VeilDriver().getPropertyInfo("jdbc:veil:h2:mem:x", new Properties());
        assertThat(Arrays.stream(info).map(p -> p.name)).contains("veil.allowUnwrap", "veil.targetDriver");
        assertThat(Collections.list(DriverManager.getDrivers())).anyMatch(d -> d instanceof VeilDriver);
    }
}
