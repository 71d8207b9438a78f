package dev.veil.driver.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadOnceCacheTest {

    private record Key(String name, long version) {
    }

    @Test
    void aValueIsLoadedOnceAndAFailureIsNotCached() throws SQLException {
        LoadOnceCache<Key, String> cache = LoadOnceCache.bounded(10, Key::version);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get(new Key("a", 1), () -> "a" + loads.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get(new Key("a", 1), () -> "a" + loads.incrementAndGet())).isEqualTo("a1");
        assertThatThrownBy(() -> cache.get(new Key("b", 1), () -> {
            throw new SQLException("refused");
        })).hasMessage("refused");
        assertThat(cache.get(new Key("b", 1), () -> "b")).isEqualTo("b");
    }

    @Test
    void aFullCacheDropsOtherVersionsFirstThenEverything() throws SQLException {
        LoadOnceCache<Key, String> cache = LoadOnceCache.bounded(3, Key::version);
        cache.get(new Key("old", 1), () -> "old");
        cache.get(new Key("a", 2), () -> "a");
        cache.get(new Key("b", 2), () -> "b");
        cache.get(new Key("c", 2), () -> "c"); // full: the version 1 entry goes
        assertThat(cache.get(new Key("old", 1), () -> "reloaded")).isEqualTo("reloaded");
        // full again, and version 1 is the new entry's: everything of version 2 goes, then all that is left
        assertThat(cache.get(new Key("a", 2), () -> "a again")).isEqualTo("a again");
        assertThat(cache.get(new Key("b", 2), () -> "b again")).isEqualTo("b again");
    }
}
