package dev.veil.driver.catalog;

import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import java.time.Duration;
import java.util.Optional;
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

    /**
     * What is cached under one catalog version. A new version starts with empty caches, so a load that began under
     * the old one stores what it read there, where nobody looks any more. Only the version bounds these caches:
     * dropping a relation within a version would let it be read again, changed, while what was derived from the
     * old definition (classifications, plans) stays cached under the same version.
     */
    private record Generation(long version, LoadOnceCache<RelationKey, Optional<Relation>> relations,
                              LoadOnceCache<FunctionKey, Boolean> functions) {

        Generation(long version) {
            this(version, LoadOnceCache.ofOneVersion(), LoadOnceCache.ofOneVersion());
        }
    }

    private final String identity;
    private final long ttlNanos;
    private final LongSupplier clock;
    private volatile Generation current = new Generation(1);
    private volatile long epochStart;

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
        return current.version();
    }

    /** Forgets everything: called after DDL through Veil. */
    public synchronized void invalidate() {
        current = new Generation(current.version() + 1);
    }

    /** @param loader reads from the database; failures surface as {@link CatalogException} */
    Optional<Relation> relation(RelationKey key, LoadOnceCache.Loader<Optional<Relation>, RuntimeException> loader) {
        return current.relations().get(key, loader);
    }

    /** @param loader reads from the database; failures surface as {@link CatalogException} */
    boolean function(FunctionKey key, LoadOnceCache.Loader<Boolean, RuntimeException> loader) {
        return current.functions().get(key, loader);
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
        return "DatabaseCatalog[" + identity + " v" + current.version() + "]";
    }

    static TableName nameOf(RelationKey key) {
        return new TableName(key.catalog(), key.schema(), key.name());
    }
}
