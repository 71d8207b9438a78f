package dev.veil.driver.catalog;

import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What Veil has learned about one database's relations and functions, shared by every connection to it. Entries are
 * loaded on first use by whichever session asks, and all of them are dropped — with the version bumped, so cached
 * analyses are not reused — when DDL runs through Veil or the TTL passes.
 */
public final class DatabaseCatalog {

    /** A relation lookup key: exact names as the analyzer asks for them. */
    record RelationKey(String catalog, String schema, String name) {
    }

    /** A function lookup key; {@code schema} null means "anywhere on this search path". */
    record FunctionKey(String schema, String name, String searchPath) {
    }

    private final String identity;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final AtomicLong version = new AtomicLong(1);
    private volatile long epochStart;
    private final ConcurrentMap<RelationKey, Optional<Relation>> relations = new ConcurrentHashMap<>();
    private final ConcurrentMap<FunctionKey, Boolean> functions = new ConcurrentHashMap<>();

    public DatabaseCatalog(String identity, Duration ttl) {
        this(identity, ttl, System::nanoTime);
    }

    DatabaseCatalog(String identity, Duration ttl, LongSupplier clock) {
        this.identity = identity;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
        this.epochStart = clock.getAsLong();
    }

    /** Identifies the database (not a session of it): URL and user, hashed. */
    public String identity() {
        return identity;
    }

    /** The current version; an expired TTL starts a new one. */
    public long version() {
        long now = clock.getAsLong();
        if (now - epochStart >= ttlNanos) {
            synchronized (this) {
                if (now - epochStart >= ttlNanos) {
                    invalidate();
                    epochStart = now;
                }
            }
        }
        return version.get();
    }

    /** Forgets everything: called after DDL through Veil. */
    public void invalidate() {
        version.incrementAndGet();
        relations.clear();
        functions.clear();
    }

    Optional<Relation> relation(RelationKey key, Loader<Optional<Relation>> loader) {
        Optional<Relation> known = relations.get(key);
        if (known != null) {
            return known;
        }
        Optional<Relation> loaded = loader.load();
        relations.putIfAbsent(key, loaded);
        return loaded;
    }

    boolean function(FunctionKey key, Loader<Boolean> loader) {
        Boolean known = functions.get(key);
        if (known != null) {
            return known;
        }
        boolean loaded = loader.load();
        functions.putIfAbsent(key, loaded);
        return loaded;
    }

    /** Reads from the database; failures surface as {@link CatalogException}. */
    @FunctionalInterface
    interface Loader<T> {
        T load();
    }

    /** The catalog cannot be read: the statement that needed it must not run. */
    public static final class CatalogException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CatalogException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public String toString() {
        return "DatabaseCatalog[" + identity + " v" + version.get() + "]";
    }

    static TableName nameOf(RelationKey key) {
        return new TableName(key.catalog(), key.schema(), key.name());
    }
}
