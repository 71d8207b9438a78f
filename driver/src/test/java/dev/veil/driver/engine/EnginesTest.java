package dev.veil.driver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.TableName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry finds each engine by its vendor URL and its product name, and nothing else. */
class EnginesTest {

    private static String nameOfUrl(String url) {
        return Engines.ofUrl(url).map(Engine::name).orElse(null);
    }

    private static String nameOfProduct(String product) {
        return Engines.ofProductName(product).map(Engine::name).orElse(null);
    }

    @Test
    void vendorUrlsNameTheirEngine() {
        assertThat(nameOfUrl("jdbc:postgresql://db/app")).isEqualTo("postgresql");
        assertThat(nameOfUrl("JDBC:PostgreSQL://db/app")).isEqualTo("postgresql");
        assertThat(nameOfUrl("jdbc:mariadb://db/app")).isEqualTo("mariadb");
        assertThat(nameOfUrl("jdbc:mysql://db/app")).isEqualTo("mariadb");
        assertThat(nameOfUrl("jdbc:h2:mem:x")).isEqualTo("h2");
        assertThat(nameOfUrl("jdbc:sqlserver://db")).isNull();
        assertThat(nameOfUrl(null)).isNull();
    }

    @Test
    void productNamesNameTheirEngine() {
        assertThat(nameOfProduct("PostgreSQL")).isEqualTo("postgresql");
        assertThat(nameOfProduct("MariaDB")).isEqualTo("mariadb");
        assertThat(nameOfProduct("MySQL")).isEqualTo("mariadb");
        assertThat(nameOfProduct("H2")).isEqualTo("h2");
        assertThat(nameOfProduct("H2 compatible")).isNull();
        assertThat(nameOfProduct("Oracle")).isNull();
        assertThat(Engines.ofProductName(null)).isEqualTo(Optional.empty());
    }

    @Test
    void eachEngineHandsOutItsDialects() {
        for (Engine engine : Engines.all()) {
            assertThat(engine.sqlDialect().name().toLowerCase()).isEqualTo(engine.name());
            assertThat(engine.maskDialect().name().toLowerCase()).isEqualTo(engine.name());
        }
        assertThat(Engines.ofUrl("jdbc:h2:mem:x").orElseThrow().sqlDialect()).isEqualTo(Dialect.H2);
    }

    @Test
    void onlyMariaDbAnswersTheGeneratedKeysFlagWithTheAutoIncrementValueAlone() {
        assertThat(Engines.all()).filteredOn(Engine::generatedKeysAreAutoIncrementOnly).extracting(Engine::name)
                .containsExactly("mariadb");
    }

    @Test
    void settingTablesAllowHarmlessSettingsOnly() {
        AllowedSettings pg = Engines.ofUrl("jdbc:postgresql:x").orElseThrow().settings();
        assertThat(pg.settable("search_path")).isTrue();
        assertThat(pg.settable("time zone ?")).isTrue();
        assertThat(pg.settable("enable_seqscan")).isTrue();
        assertThat(pg.settable("standard_conforming_strings")).isFalse();
        assertThat(pg.settable("role")).isFalse();
        assertThat(pg.showable("search_path")).isTrue();
        assertThat(pg.showable("all")).isFalse();
        AllowedSettings mariadb = Engines.ofUrl("jdbc:mariadb:x").orElseThrow().settings();
        assertThat(mariadb.settable("sql_mode")).isFalse();
        assertThat(mariadb.showable("full tables from app")).isTrue();
        assertThat(mariadb.showable("processlist")).isFalse();
    }

    @Test
    void systemObjectTablesNameWhatNoClientMayRead() {
        SystemObjects pg = Engines.ofUrl("jdbc:postgresql:x").orElseThrow().systemObjects();
        assertThat(pg.forbidden(new TableName("db", "pg_catalog", "pg_stat_activity"))).isTrue();
        assertThat(pg.forbidden(new TableName("db", "public", "customers"))).isFalse();
        SystemObjects mariadb = Engines.ofUrl("jdbc:mariadb:x").orElseThrow().systemObjects();
        assertThat(mariadb.forbidden(new TableName(null, "mysql", "user"))).isTrue();
        assertThat(mariadb.forbidden(new TableName(null, "INFORMATION_SCHEMA", "PROCESSLIST"))).isTrue();
        assertThat(mariadb.forbidden(new TableName(null, "information_schema", "tables"))).isFalse();
        SystemObjects h2 = Engines.ofUrl("jdbc:h2:mem:x").orElseThrow().systemObjects();
        assertThat(h2.forbidden(new TableName("DB", "INFORMATION_SCHEMA", "SESSIONS"))).isTrue();
        assertThat(h2.forbidden(new TableName("DB", "PUBLIC", "SESSIONS"))).isFalse();
    }
}
