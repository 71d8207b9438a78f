package dev.veil.analyzer.internal;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/** Bounds the analyzer's caches. */
public final class CacheEviction {

    private CacheEviction() { }

    /** Drops about a tenth of the entries; exact LRU order is not worth a lock on the hot path. */
    public static <K, V> void evict(ConcurrentHashMap<K, V> map, int max) {
        int toRemove = Math.max(1, max / 10);
        Iterator<K> it = map.keySet().iterator();
        while (toRemove-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
