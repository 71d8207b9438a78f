package dev.veil.driver.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.analyzer.Relation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DatabaseCatalogTest {

    private static final DatabaseCatalog.RelationKey T = new DatabaseCatalog.RelationKey("db", "app", "t");

    private static Optional<Relation> table(String definedAs) {
        return Optional.of(new Relation(DatabaseCatalog.nameOf(T), Relation.Kind.TABLE, List.of(), definedAs));
    }

    @Test
    void aRelationIsLoadedOncePerVersion() {
        DatabaseCatalog catalog = new DatabaseCatalog("db", Duration.ofHours(1));
        assertThat(catalog.relation(T, () -> table("first"))).isEqualTo(table("first"));
        assertThat(catalog.relation(T, () -> table("second"))).isEqualTo(table("first"));
        catalog.invalidate();
        assertThat(catalog.relation(T, () -> table("second"))).isEqualTo(table("second"));
    }

    @Test
    void aLoadThatBeganBeforeAnInvalidationDoesNotOutliveIt() {
        DatabaseCatalog catalog = new DatabaseCatalog("db", Duration.ofHours(1));
        long before = catalog.version();
        // DDL through another session lands while this session reads the old definition
        Optional<Relation> read = catalog.relation(T, () -> {
            catalog.invalidate();
            return table("before the DDL");
        });
        assertThat(read).isEqualTo(table("before the DDL"));
        assertThat(catalog.version()).isGreaterThan(before);
        assertThat(catalog.relation(T, () -> table("after the DDL"))).isEqualTo(table("after the DDL"));
        assertThat(catalog.function(new DatabaseCatalog.FunctionKey(null, "f", "app"), () -> {
            catalog.invalidate();
            return true;
        })).isTrue();
        assertThat(catalog.function(new DatabaseCatalog.FunctionKey(null, "f", "app"), () -> false)).isFalse();
    }

    @Test
    void theTtlStartsANewVersionWithNothingCached() {
        AtomicLong now = new AtomicLong();
        DatabaseCatalog catalog = new DatabaseCatalog("db", Duration.ofSeconds(60), now::get);
        long first = catalog.version();
        catalog.relation(T, () -> table("first"));
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(catalog.version()).isEqualTo(first);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(catalog.version()).isEqualTo(first + 1);
        assertThat(catalog.relation(T, () -> table("second"))).isEqualTo(table("second"));
    }
}
