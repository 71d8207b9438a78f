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

    @Test
    void aChangedFingerprintStartsANewVersionAndAnAgreeingOneIsTrustedForTheCheckInterval() {
        AtomicLong now = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> database =
                new java.util.concurrent.atomic.AtomicReference<>("f1");
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        DatabaseCatalog.FingerprintProbe probe = () -> {
            probes.incrementAndGet();
            return database.get();
        };
        DatabaseCatalog catalog = new DatabaseCatalog("db", Duration.ofHours(1), Duration.ofSeconds(1), now::get);
        catalog.verify(probe);
        long first = catalog.version();
        catalog.relation(T, () -> table("first"));
        // within the interval: no probe, whatever the database did
        database.set("f2");
        now.addAndGet(Duration.ofMillis(999).toNanos());
        catalog.verify(probe);
        assertThat(probes).hasValue(1);
        assertThat(catalog.version()).isEqualTo(first);
        // past it: the changed fingerprint drops what was cached
        now.addAndGet(Duration.ofMillis(1).toNanos());
        catalog.verify(probe);
        assertThat(probes).hasValue(2);
        assertThat(catalog.version()).isGreaterThan(first);
        assertThat(catalog.relation(T, () -> table("second"))).isEqualTo(table("second"));
        // an agreeing fingerprint keeps it
        long second = catalog.version();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        catalog.verify(probe);
        assertThat(probes).hasValue(3);
        assertThat(catalog.version()).isEqualTo(second);
    }

    @Test
    void aProbeThatFailsOrAnInvalidationLeavesNothingTrusted() {
        AtomicLong now = new AtomicLong();
        DatabaseCatalog catalog = new DatabaseCatalog("db", Duration.ofHours(9), Duration.ofHours(1), now::get);
        catalog.verify(() -> "f1");
        long first = catalog.version();
        catalog.invalidate();
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        // after DDL through Veil, the next statement asks at once although the interval has not passed
        catalog.verify(() -> {
            probes.incrementAndGet();
            return "f2";
        });
        assertThat(probes).hasValue(1);
        long afterDdl = catalog.version();
        assertThat(afterDdl).isGreaterThan(first);
        catalog.relation(T, () -> table("cached"));
        now.addAndGet(Duration.ofHours(2).toNanos());
        catalog.verify(() -> {
            throw new java.sql.SQLException("aborted transaction");
        });
        assertThat(catalog.version()).isGreaterThan(afterDdl);
        assertThat(catalog.relation(T, () -> table("read again"))).isEqualTo(table("read again"));
    }


    @Test
    void sessionsThatFindTheIntervalOverTogetherAskTheDatabaseOnce() throws Exception {
        AtomicLong now = new AtomicLong();
        DatabaseCatalog catalog = new DatabaseCatalog("db", Duration.ofHours(9), Duration.ofHours(1), now::get);
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        int sessions = 8;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(sessions);
        DatabaseCatalog.FingerprintProbe slow = () -> {
            probes.incrementAndGet();
            try {
                Thread.sleep(300); // the other sessions arrive while it runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "f1";
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(sessions);
        try {
            List<java.util.concurrent.Future<Long>> versions = new java.util.ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                versions.add(pool.submit(() -> {
                    together.await();
                    catalog.verify(slow);
                    return catalog.version();
                }));
            }
            long first = versions.get(0).get();
            for (java.util.concurrent.Future<Long> version : versions) {
                assertThat(version.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(probes).hasValue(1);
        // once the interval is over again, the next session asks again
        now.addAndGet(Duration.ofHours(2).toNanos());
        catalog.verify(() -> {
            probes.incrementAndGet();
            return "f1";
        });
        assertThat(probes).hasValue(2);
    }
    @Test
    void aTransactionsCatalogIsItsOwn() {
        DatabaseCatalog shared = new DatabaseCatalog("db", Duration.ofHours(1));
        shared.relation(T, () -> table("committed"));
        DatabaseCatalog mine = shared.forTransaction("s1");
        assertThat(mine.identity()).isNotEqualTo(shared.identity()).startsWith(shared.identity());
        assertThat(mine.relation(T, () -> table("uncommitted"))).isEqualTo(table("uncommitted"));
        assertThat(shared.relation(T, () -> table("other"))).isEqualTo(table("committed"));
    }
}
