package dev.veil.driver.catalog;

import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * What Veil has learned about one database's relations and functions, shared by every connection to it. Entries are
 * loaded on first use by whichever session asks, and all of them are dropped — with the version bumped, so cached
 * analyses are not reused — when DDL runs through Veil, when the database's schema fingerprint differs from the one
 * the entries were read under ({@link #verify}, at most once per check interval), or when the TTL passes.
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
                              LoadOnceCache<FunctionKey, Boolean> functions,
                              LoadOnceCache<RelationKey, List<List<String>>> uniqueKeys) {

        Generation(long version) {
            this(version, LoadOnceCache.ofOneVersion(), LoadOnceCache.ofOneVersion(), LoadOnceCache.ofOneVersion());
        }
    }

    /** Reads the database's schema fingerprint (see {@code SchemaFingerprint}). */
    @FunctionalInterface
    public interface FingerprintProbe {
        String read() throws SQLException;
    }

    private final String identity;
    private final long ttlNanos;
    private final long checkNanos;
    private final LongSupplier clock;
    private volatile Generation current = new Generation(1);
    private volatile long epochStart;
    /** The fingerprint the current generation was last found to agree with; null: not yet asked, or in doubt. */
    private volatile String fingerprint;
    /** When the last probe that found {@link #fingerprint} began. */
    private volatile long verifiedAt;
    /** Held while a probe runs. */
    private final ReentrantLock probing = new ReentrantLock();

    /** A catalog checked against the database's fingerprint once per TTL. */
    public DatabaseCatalog(String identity, Duration ttl) {
        this(identity, ttl, ttl);
    }

    /**
     * @param ttl   how long entries are kept at most
     * @param check how long a fingerprint that agreed is trusted: {@link #verify} asks the database again after that
     */
    public DatabaseCatalog(String identity, Duration ttl, Duration check) {
        this(identity, ttl, check, System::nanoTime);
    }

    DatabaseCatalog(String identity, Duration ttl, Duration check, LongSupplier clock) {
        this.identity = identity;
        this.ttlNanos = ttl.toNanos();
        this.checkNanos = check.toNanos();
        this.clock = clock;
        this.epochStart = clock.getAsLong();
    }

    DatabaseCatalog(String identity, Duration ttl, LongSupplier clock) {
        this(identity, ttl, ttl, clock);
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

    /**
     * A catalog of its own for one session's transaction that changed the schema (where DDL is transactional): it is
     * kept and checked as this one is, under an identity of its own, so nothing read through it reaches this one.
     */
    public DatabaseCatalog forTransaction(String owner) {
        return new DatabaseCatalog(identity + "|txn:" + owner + ":" + System.nanoTime(), Duration.ofNanos(ttlNanos),
                Duration.ofNanos(checkNanos), clock);
    }

    /** Forgets everything: called after DDL through Veil. The next {@link #verify} asks the database at once. */
    public synchronized void invalidate() {
        current = new Generation(current.version() + 1);
        fingerprint = null;
    }

    /**
     * Makes sure the cached entries describe the database as it is, within the check interval: when the last
     * fingerprint that agreed is older than that, {@code probe} reads the database's fingerprint again; one that
     * differs drops everything (a new version). A probe that fails leaves Veil in doubt: everything is dropped too,
     * and the next statement asks again. So a statement that begins at time t is analyzed against definitions the
     * database had at some moment no earlier than t minus the check interval.
     */
    public void verify(FingerprintProbe probe) {
        long start = clock.getAsLong();
        if (trusted(start)) {
            return;
        }
        if (checkNanos == 0) {
            probe(probe, start);
            return;
        }
        // one probe at a time: the sessions that find the interval over while another session's probe runs (a pool's
        // connections, all at once) wait for its answer instead of each asking the database again. Its answer holds
        // for them if it began within the interval before they did, the bound every statement has; a stuck probe is
        // waited for one interval at most.
        boolean alone = false;
        try {
            alone = probing.tryLock(checkNanos, TimeUnit.NANOSECONDS);
            if (alone && trusted(start)) {
                return;
            }
            probe(probe, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probe(probe, start);
        } finally {
            if (alone) {
                probing.unlock();
            }
        }
    }

    /** Whether a fingerprint that agreed is known, read by a probe that began within the interval before {@code at}. */
    private boolean trusted(long at) {
        return fingerprint != null && at - verifiedAt < checkNanos;
    }

    private void probe(FingerprintProbe probe, long start) {
        String seen;
        try {
            seen = probe.read();
        } catch (SQLException | RuntimeException e) {
            invalidate();
            return;
        }
        synchronized (this) {
            if (!seen.equals(fingerprint)) {
                // what the current generation holds was read at unknown moments before this probe: it may differ
                // from what the fingerprint describes, so it is not kept (the first probe, too, drops what came first)
                current = new Generation(current.version() + 1);
                fingerprint = seen;
                verifiedAt = start;
            } else if (start - verifiedAt > 0) {
                verifiedAt = start;
            }
        }
    }

    /** @param loader reads from the database; failures surface as {@link CatalogException} */
    Optional<Relation> relation(RelationKey key, LoadOnceCache.Loader<Optional<Relation>, RuntimeException> loader) {
        return current.relations().get(key, loader);
    }

    /**
     * A table's unique keys, read when a row estimate first needs them: once per table and version, as its definition.
     *
     * @param loader reads from the database; failures surface as {@link CatalogException}
     */
    List<List<String>> uniqueKeys(RelationKey key, LoadOnceCache.Loader<List<List<String>>, RuntimeException> loader) {
        return current.uniqueKeys().get(key, loader);
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
