package dev.veil.flink.jdbc32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.jdbc.dialect.JdbcDialectLoader;
import org.apache.flink.connector.jdbc.dialect.JdbcDialect;
import org.junit.jupiter.api.Test;

/** The connector, asked for a {@code jdbc:veil:} URL's dialect, gets its own dialect for the wrapped URL. */
class VeilJdbcDialectFactoryTest {

    private static final ClassLoader LOADER = VeilJdbcDialectFactoryTest.class.getClassLoader();

    private static String signature(Method m) {
        return m.getName() + Arrays.toString(m.getParameterTypes());
    }

    @Test
    void forwardsEveryMethodJdbcDialectDeclares() {
        List<String> declared = Arrays.stream(VeilJdbcDialect.class.getDeclaredMethods())
                .map(VeilJdbcDialectFactoryTest::signature).toList();
        List<String> missing = Arrays.stream(JdbcDialect.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(VeilJdbcDialectFactoryTest::signature)
                .filter(s -> !declared.contains(s))
                .toList();
        assertThat(missing).as("JdbcDialect methods left to the interface's defaults").isEmpty();
    }

    @Test
    void answersWithTheConnectorsDialectForTheWrappedUrlAndVeilsDriver() {
        for (String scheme : List.of("postgresql", "mysql", "mariadb")) {
            String vendorScheme = scheme.equals("mariadb") ? "mysql" : scheme;
            JdbcDialect vendor = JdbcDialectLoader.load("jdbc:" + vendorScheme + "://db/app", LOADER);
            JdbcDialect veil = JdbcDialectLoader.load("jdbc:veil:" + scheme + "://db/app", LOADER);

            assertThat(veil).isInstanceOf(VeilJdbcDialect.class);
            assertThat(((VeilJdbcDialect) veil).vendor()).hasSameClassAs(vendor);
            assertThat(veil.defaultDriverName()).contains("dev.veil.driver.VeilDriver");
            assertThat(vendor.defaultDriverName()).isNotEqualTo(Optional.of("dev.veil.driver.VeilDriver"));
            assertThat(veil.dialectName()).isEqualTo(vendor.dialectName());
            assertThat(veil.quoteIdentifier("id")).isEqualTo(vendor.quoteIdentifier("id"));
            String[] fields = {"id", "contact"};
            String[] keys = {"id"};
            assertThat(veil.getUpsertStatement("t", fields, keys)).isEqualTo(vendor.getUpsertStatement("t", fields,
                    keys));
            assertThat(veil.getSelectFromStatement("t", fields, keys))
                    .isEqualTo(vendor.getSelectFromStatement("t", fields, keys));
            assertThat(veil.appendDefaultUrlProperties("jdbc:veil:" + scheme + "://db/app"))
                    .isEqualTo(vendor.appendDefaultUrlProperties("jdbc:veil:" + scheme + "://db/app"));
        }
    }

    @Test
    void leavesVendorUrlsAndUrlsWithoutAConnectorFactoryAlone() {
        assertThat(JdbcDialectLoader.load("jdbc:postgresql://db/app", LOADER))
                .isNotInstanceOf(VeilJdbcDialect.class);
        assertThat(new VeilPostgresDialectFactory().acceptsURL("jdbc:postgresql://db/app")).isFalse();
        assertThat(new VeilPostgresDialectFactory().acceptsURL("jdbc:veil:mysql://db/app")).isFalse();
        // the connector has no H2 factory, so neither has Veil: the connector's own message
        assertThatThrownBy(() -> JdbcDialectLoader.load("jdbc:veil:h2:mem:app", LOADER))
                .hasMessageContaining("Could not find any jdbc dialect factory that can handle url");
    }

    @Test
    void travelsToTheTaskManagers() throws Exception {
        JdbcDialect veil = JdbcDialectLoader.load("jdbc:veil:postgresql://db/app", LOADER);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(veil);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            JdbcDialect copy = (JdbcDialect) in.readObject();
            assertThat(copy.defaultDriverName()).isEqualTo(veil.defaultDriverName());
            assertThat(((VeilJdbcDialect) copy).vendor()).hasSameClassAs(((VeilJdbcDialect) veil).vendor());
        }
    }
}
