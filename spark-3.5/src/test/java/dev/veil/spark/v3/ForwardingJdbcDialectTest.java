package dev.veil.spark.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.internal.Logging;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.junit.jupiter.api.Test;

/** The Veil dialect is Spark's own dialect for the wrapped URL in every respect but the URLs it handles. */
class ForwardingJdbcDialectTest {

    private static String signature(Method m) {
        return m.getName() + Arrays.toString(m.getParameterTypes());
    }

    private static MetadataBuilder scale() {
        return new MetadataBuilder().putLong("scale", 0).putBoolean("isSigned", true);
    }

    @Test
    void forwardsEveryMethodJdbcDialectDeclares() {
        Set<String> logging = Arrays.stream(Logging.class.getMethods()).map(ForwardingJdbcDialectTest::signature)
                .collect(Collectors.toSet());
        Set<String> overridden = Arrays.stream(ForwardingJdbcDialect.class.getDeclaredMethods())
                .map(ForwardingJdbcDialectTest::signature).collect(Collectors.toSet());
        overridden.add("canHandle[class java.lang.String]"); // VeilDialect's own
        List<String> missing = Arrays.stream(JdbcDialect.class.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && !Modifier.isStatic(m.getModifiers())
                        && !Modifier.isPrivate(m.getModifiers()) && !Modifier.isFinal(m.getModifiers()))
                .map(ForwardingJdbcDialectTest::signature)
                .filter(s -> !logging.contains(s) && !overridden.contains(s))
                .toList();
        assertThat(missing).as("JdbcDialect methods left to JdbcDialect's defaults").isEmpty();
        // final methods cannot be forwarded: only helpers the dialects' own methods call are
        assertThat(Arrays.stream(JdbcDialect.class.getDeclaredMethods())
                .filter(m -> Modifier.isFinal(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(ForwardingJdbcDialectTest::signature).collect(Collectors.toSet()))
                .isEqualTo(Set.of());
    }

    @Test
    void answersAsSparksDialectForTheWrappedUrl() {
        VeilDialects.register();
        for (String scheme : VeilDialects.SCHEMES) {
            JdbcDialect spark = JdbcDialects.get("jdbc:" + (scheme.equals("mariadb") ? "mysql" : scheme) + "://db/app");
            JdbcDialect veil = JdbcDialects.get("jdbc:veil:" + scheme + "://db/app");
            assertThat(veil).isInstanceOf(VeilDialect.class);
            assertThat(spark).isNotInstanceOf(VeilDialect.class);
            assertThat(veil.quoteIdentifier("id")).isEqualTo(spark.quoteIdentifier("id"));
            assertThat(veil.getJDBCType(DataTypes.BooleanType)).isEqualTo(spark.getJDBCType(DataTypes.BooleanType));
            assertThat(veil.getJDBCType(DataTypes.BinaryType)).isEqualTo(spark.getJDBCType(DataTypes.BinaryType));
            assertThat(veil.getCatalystType(Types.ARRAY, "_text", 0, scale()))
                    .isEqualTo(spark.getCatalystType(Types.ARRAY, "_text", 0, scale()));
            assertThat(veil.getCatalystType(Types.REAL, "float4", 0, scale()))
                    .isEqualTo(spark.getCatalystType(Types.REAL, "float4", 0, scale()));
            assertThat(veil.getTruncateQuery("t")).isEqualTo(spark.getTruncateQuery("t"));
            assertThat(veil.getSchemaQuery("t")).isEqualTo(spark.getSchemaQuery("t"));
            assertThat(veil.isCascadingTruncateTable()).isEqualTo(spark.isCascadingTruncateTable());
        }
        assertThat(JdbcDialects.get("jdbc:veil:postgresql://db/app").quoteIdentifier("id")).isEqualTo("\"id\"");
        assertThat(JdbcDialects.get("jdbc:veil:mariadb://db/app").quoteIdentifier("id")).isEqualTo("`id`");
    }

    @Test
    void registeringAgainReplacesAndNeverUnregistersSparksOwn() {
        JdbcDialect postgres = JdbcDialects.get("jdbc:postgresql://db/app");
        VeilDialects.register();
        VeilDialects.register();
        JdbcDialects.registerDialect(new VeilDialect("postgresql"));
        // one dialect handles each URL (two would be aggregated into another class)
        assertThat(JdbcDialects.get("jdbc:veil:postgresql://db/app")).isInstanceOf(VeilDialect.class);
        assertThat(JdbcDialects.get("jdbc:postgresql://db/app")).isSameAs(postgres);
        JdbcDialects.unregisterDialect(new VeilDialect("postgresql"));
        assertThat(JdbcDialects.get("jdbc:postgresql://db/app")).isSameAs(postgres);
        assertThat(JdbcDialects.get("jdbc:veil:postgresql://db/app")).isNotInstanceOf(VeilDialect.class);
        VeilDialects.register();
        assertThat(JdbcDialects.get("jdbc:veil:postgresql://db/app")).isInstanceOf(VeilDialect.class);
    }

    @Test
    void registersOnlyForItsOwnSparkMajorVersion() {
        assertThat(SparkRegistration.registerIfPresent()).isTrue();
        assertThat(SparkVersion.current(getClass().getClassLoader())).startsWith("3.5");
    }
}
