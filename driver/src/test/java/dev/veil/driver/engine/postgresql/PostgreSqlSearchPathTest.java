package dev.veil.driver.engine.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search path as PostgreSQL orders it, with the schemas that do not exist yet kept in their place. */
class PostgreSqlSearchPathTest {

    @Test
    void entriesAreUnquotedFoldedAndUserReplaced() {
        assertThat(PostgreSqlSearchPath.entries("\"$user\", public", "alice")).containsExactly("alice", "public");
        assertThat(PostgreSqlSearchPath.entries("App,\"My \"\"S\"\"\" ,pg_temp", "u"))
                .containsExactly("app", "My \"S\"", "pg_temp");
        assertThat(PostgreSqlSearchPath.entries("", "u")).isEmpty();
    }

    @Test
    void theTemporarySchemaIsFirstUnlessListed() {
        assertThat(PostgreSqlSearchPath.of(List.of("pg_temp_3", "pg_catalog", "public"), "\"$user\", public",
                "alice", Set.of())).containsExactly("pg_temp_3", "pg_catalog", "public");
        assertThat(PostgreSqlSearchPath.of(List.of("pg_catalog", "public", "pg_temp_3"), "public, pg_temp",
                "alice", Set.of())).containsExactly("pg_catalog", "public", "pg_temp_3");
    }

    @Test
    void schemasThatDoNotExistYetKeepTheirPlace() {
        assertThat(PostgreSqlSearchPath.of(List.of("pg_catalog", "public"), "\"$user\", public", "alice",
                Set.of("alice"))).containsExactly("pg_catalog", "alice", "public");
        assertThat(PostgreSqlSearchPath.of(List.of("pg_catalog", "public"), "public, later", "alice",
                Set.of("later"))).containsExactly("pg_catalog", "public", "later");
    }

    @Test
    void existingSchemasTheSessionCannotSearchAreLeftOut() {
        // current_schemas leaves out a schema without USAGE; it exists, so it is not "missing" either
        assertThat(PostgreSqlSearchPath.of(List.of("pg_catalog", "public"), "secret, public", "alice", Set.of()))
                .containsExactly("pg_catalog", "public");
    }

    @Test
    void builtinsMustBeSearchedBeforeAnySchemaAUserCanCreateObjectsIn() {
        assertThat(PostgreSqlSearchPath.builtinsFirst(List.of("pg_catalog", "public"))).isTrue();
        assertThat(PostgreSqlSearchPath.builtinsFirst(List.of("pg_temp_3", "pg_catalog", "public"))).isTrue();
        assertThat(PostgreSqlSearchPath.builtinsFirst(List.of("public", "pg_catalog"))).isFalse();
        assertThat(PostgreSqlSearchPath.builtinsFirst(List.of("pg_temp_3", "public", "pg_catalog"))).isFalse();
        assertThat(PostgreSqlSearchPath.builtinsFirst(List.of("public"))).isFalse();
        // a schema listed before pg_catalog that does not exist yet: anyone who creates it comes first
        assertThat(PostgreSqlSearchPath.builtinsFirst(PostgreSqlSearchPath.of(List.of("pg_catalog", "public"),
                "later, pg_catalog, public", "alice", Set.of("later")))).isFalse();
        assertThat(PostgreSqlSearchPath.builtinsFirst(PostgreSqlSearchPath.of(List.of("pg_catalog", "public"),
                "\"$user\", public", "alice", Set.of("alice")))).isTrue();
    }
}
