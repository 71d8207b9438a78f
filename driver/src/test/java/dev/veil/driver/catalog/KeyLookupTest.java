package dev.veil.driver.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.PinnedColumns;
import dev.veil.analyzer.PinnedColumns.Literal;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.CatalogReader;
import dev.veil.driver.engine.Engines;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A query is a key lookup only when every column of one unique key is pinned by a literal compared as the key is. */
class KeyLookupTest {

    private static final TableName T = new TableName(null, "public", "t");
    private static final Relation TABLE = relation(Relation.Kind.TABLE);
    private static final List<List<String>> KEYS = List.of(List.of("id"), List.of("a", "b"), List.of("email"),
            List.of("big"));

    private static Relation relation(Relation.Kind kind) {
        return new Relation(T, kind, List.of(
                new CatalogColumn("id", 1, "int4", Types.INTEGER, false, null),
                new CatalogColumn("a", 2, "int4", Types.INTEGER, true, null),
                new CatalogColumn("b", 3, "int4", Types.INTEGER, true, null),
                new CatalogColumn("email", 4, "varchar", Types.VARCHAR, true, null),
                new CatalogColumn("big", 5, "int8", Types.BIGINT, true, null),
                new CatalogColumn("city", 6, "varchar", Types.VARCHAR, true, null)), null);
    }

    private static CatalogReader engine(String url) {
        return Engines.ofUrl(url).orElseThrow().catalog();
    }

    private static final CatalogReader PG = engine("jdbc:postgresql://x/y");
    private static final CatalogReader MARIADB = engine("jdbc:mariadb://x/y");
    private static final CatalogReader H2 = engine("jdbc:h2:mem:x");

    private static PinnedColumns pins(Map<String, Set<Literal>> columns) {
        return new PinnedColumns(T, columns);
    }

    @Test
    void aPrimaryKeyPinnedByANumberIsOneRowOnEveryEngine() {
        PinnedColumns pins = pins(Map.of("id", Set.of(Literal.NUMBER)));
        for (CatalogReader engine : List.of(PG, MARIADB, H2)) {
            assertThat(KeyLookup.atMostOneRow(pins, TABLE, KEYS, engine)).isTrue();
        }
    }

    @Test
    void everyColumnOfTheKeyMustBePinned() {
        assertThat(KeyLookup.atMostOneRow(pins(Map.of("a", Set.of(Literal.NUMBER))), TABLE, KEYS, PG)).isFalse();
        assertThat(KeyLookup.atMostOneRow(pins(Map.of("a", Set.of(Literal.NUMBER), "b", Set.of(Literal.NUMBER))),
                TABLE, KEYS, PG)).isTrue();
        // a column outside every key, or a table without keys
        assertThat(KeyLookup.atMostOneRow(pins(Map.of("city", Set.of(Literal.STRING))), TABLE, KEYS, PG)).isFalse();
        assertThat(KeyLookup.atMostOneRow(pins(Map.of("id", Set.of(Literal.NUMBER))), TABLE, List.of(), PG))
                .isFalse();
        // a key naming a column the definition does not have (read under another version) proves nothing
        assertThat(KeyLookup.atMostOneRow(pins(Map.of("id", Set.of(Literal.NUMBER))), TABLE,
                List.of(List.of("gone")), PG)).isFalse();
    }

    @Test
    void theEngineDecidesWhichLiteralsCompareAsTheKeyDoes() {
        PinnedColumns byString = pins(Map.of("email", Set.of(Literal.STRING)));
        assertThat(KeyLookup.atMostOneRow(byString, TABLE, KEYS, PG)).isTrue();
        assertThat(KeyLookup.atMostOneRow(byString, TABLE, KEYS, H2)).isTrue();
        // MariaDB may compare in the literal's collation
        assertThat(KeyLookup.atMostOneRow(byString, TABLE, KEYS, MARIADB)).isFalse();
        // a string column compared with a number is compared as numbers ('1', '01', '1.0' all equal 1)
        PinnedColumns byNumber = pins(Map.of("email", Set.of(Literal.NUMBER)));
        assertThat(KeyLookup.atMostOneRow(byNumber, TABLE, KEYS, PG)).isFalse();
        assertThat(KeyLookup.atMostOneRow(byNumber, TABLE, KEYS, MARIADB)).isFalse();
        // an integer key compared with a string: not proven
        assertThat(KeyLookup.atMostOneRow(pins(Map.of("id", Set.of(Literal.STRING))), TABLE, KEYS, PG)).isFalse();
        // a BIGINT key: exact against PostgreSQL's numeric constants; MariaDB compares 5e0 as a double
        PinnedColumns big = pins(Map.of("big", Set.of(Literal.NUMBER)));
        assertThat(KeyLookup.atMostOneRow(big, TABLE, KEYS, PG)).isTrue();
        assertThat(KeyLookup.atMostOneRow(big, TABLE, KEYS, MARIADB)).isFalse();
    }

    @Test
    void aParameterPinsWhatEveryTypeItMayBeBoundAsComparesExactly() {
        PinnedColumns id = pins(Map.of("id", Set.of(Literal.PARAMETER)));
        for (CatalogReader engine : List.of(PG, MARIADB, H2)) {
            assertThat(KeyLookup.atMostOneRow(id, TABLE, KEYS, engine)).isTrue();
        }
        // a double bound against a BIGINT compares as doubles everywhere
        PinnedColumns big = pins(Map.of("big", Set.of(Literal.PARAMETER)));
        assertThat(KeyLookup.atMostOneRow(big, TABLE, KEYS, PG)).isFalse();
        // against a string column: compared as numbers on MariaDB and H2 when bound as one; on PostgreSQL a bpchar
        // ignores trailing spaces, so 'a' matches the key values 'a', 'a ' and 'a  ' of a varchar key
        PinnedColumns email = pins(Map.of("email", Set.of(Literal.PARAMETER)));
        for (CatalogReader engine : List.of(PG, MARIADB, H2)) {
            assertThat(KeyLookup.atMostOneRow(email, TABLE, KEYS, engine)).isFalse();
        }
    }

    @Test
    void onlyStoredRelationsHaveKeys() {
        PinnedColumns pins = pins(Map.of("id", Set.of(Literal.NUMBER)));
        assertThat(KeyLookup.atMostOneRow(pins, relation(Relation.Kind.VIEW), KEYS, PG)).isFalse();
        assertThat(KeyLookup.atMostOneRow(pins, relation(Relation.Kind.SYSTEM_TABLE), KEYS, PG)).isFalse();
        assertThat(KeyLookup.atMostOneRow(pins, relation(Relation.Kind.MATERIALIZED_VIEW), KEYS, PG)).isTrue();
    }
}
