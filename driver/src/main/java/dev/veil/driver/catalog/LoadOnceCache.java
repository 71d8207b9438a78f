package dev.veil.driver.catalog;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * Values loaded on first use and then kept, shared by every connection to a database: its plans, classifications,
 * row estimates and catalog entries. Callers that miss at the same time may each load; the first value stored stays,
 * and each caller gets what it loaded.
 *
 * <p>A bounded cache that is full drops the entries of catalog versions other than the new entry's — no longer asked
 * for — and everything if that is not enough; a dropped entry is loaded again when next asked for.
 *
 * @param <K> the key, which names the catalog version the value belongs to
 * @param <V> the value; never null
 */
public final class LoadOnceCache<K, V> {

    /** Loads the value of a key that is not cached; may fail with {@code E}. */
    @FunctionalInterface
    public interface Loader<V, E extends Exception> {
        V load() throws E;
    }

    private final ConcurrentMap<K, V> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final ToLongFunction<K> catalogVersion;

    private LoadOnceCache(int maxEntries, ToLongFunction<K> catalogVersion) {
        this.maxEntries = maxEntries;
        this.catalogVersion = catalogVersion;
    }

    /** A cache that keeps at most {@code maxEntries}, telling versions apart by {@code catalogVersion} of a key. */
    public static <K, V> LoadOnceCache<K, V> bounded(int maxEntries, ToLongFunction<K> catalogVersion) {
        return new LoadOnceCache<>(maxEntries, catalogVersion);
    }

    /** A cache for one catalog version only, dropped as a whole when the version ends. */
    public static <K, V> LoadOnceCache<K, V> ofOneVersion() {
        return new LoadOnceCache<>(Integer.MAX_VALUE, key -> 0);
    }

    /** The cached value of {@code key}; null when there is none. */
    public V cached(K key) {
        return entries.get(key);
    }

    /** Caches {@code value} for {@code key} unless one is cached already. */
    public void put(K key, V value) {
        get(key, () -> value);
    }

    /** The cached value of {@code key}, or the one {@code loader} loads, which is then cached. */
    public <E extends Exception> V get(K key, Loader<? extends V, E> loader) throws E {
        V known = entries.get(key);
        if (known != null) {
            hits.increment();
            return known;
        }
        misses.increment();
        V loaded = loader.load();
        if (entries.size() >= maxEntries) {
            long version = catalogVersion.applyAsLong(key);
            entries.keySet().removeIf(k -> catalogVersion.applyAsLong(k) != version);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.putIfAbsent(key, loaded);
        return loaded;
    }

    /** Lookups answered from the cache so far. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that had to load so far. */
    public long misses() {
        return misses.sum();
    }
}
