package dev.veil.driver.session;

import dev.veil.analyzer.TableName;
import dev.veil.driver.catalog.DatabaseCatalog;
import dev.veil.masking.Classification;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What Veil keeps about one database under one policy, shared by every connection: its catalog and the
 * classification of its tables. Classifications belong to a catalog version, so DDL and the TTL renew them too.
 */
public final class DatabaseContext {

    private record ClassificationKey(String catalogIdentity, TableName table, long catalogVersion) {
    }

    private final DatabaseCatalog catalog;
    private final ConcurrentMap<ClassificationKey, Map<String, Classification>> classifications =
            new ConcurrentHashMap<>();

    private record EstimateKey(String fingerprint, String catalogIdentity, long catalogVersion) {
    }

    private final ConcurrentMap<EstimateKey, java.util.OptionalLong> estimates = new ConcurrentHashMap<>();

    /** A plan depends on the text, the entry point, what the session's catalog says and whether it is exempt. */
    public record PlanKey(String sql, dev.veil.driver.pipeline.Entry entry, String catalogIdentity,
                          long catalogVersion, boolean exempt) {
    }

    private final ConcurrentMap<PlanKey, dev.veil.driver.pipeline.StatementPlan> plans = new ConcurrentHashMap<>();

    /** Plans already made for this database: planning runs once per statement text, not once per execution. */
    public dev.veil.driver.pipeline.StatementPlan plan(PlanKey key) {
        return plans.get(key);
    }

    public void remember(PlanKey key, dev.veil.driver.pipeline.StatementPlan plan) {
        if (plans.size() >= 10_000) {
            plans.keySet().removeIf(k -> k.catalogVersion() != key.catalogVersion());
            if (plans.size() >= 10_000) {
                plans.clear();
            }
        }
        plans.put(key, plan);
    }

    DatabaseContext(String identity, Duration catalogTtl) {
        this.catalog = new DatabaseCatalog(identity, catalogTtl);
    }

    public DatabaseCatalog catalog() {
        return catalog;
    }

    /** The sensitive columns of a table by column name, classified once per catalog version. */
    public Map<String, Classification> classification(String catalogIdentity, TableName table, long catalogVersion,
                                                      ClassificationLoader loader) throws java.sql.SQLException {
        ClassificationKey key = new ClassificationKey(catalogIdentity, table, catalogVersion);
        Map<String, Classification> known = classifications.get(key);
        if (known != null) {
            return known;
        }
        if (classifications.size() > 10_000) {
            classifications.keySet().removeIf(k -> k.catalogVersion() != catalogVersion);
        }
        Map<String, Classification> loaded = Map.copyOf(loader.load());
        classifications.putIfAbsent(key, loaded);
        return loaded;
    }

    /**
     * The database's row estimate for a statement shape (its fingerprint), asked once per catalog version: statements
     * that differ only in literals — the partitions of one Spark read — share it.
     */
    public java.util.OptionalLong estimate(String fingerprint, String catalogIdentity, long catalogVersion,
                                           EstimateLoader loader) throws java.sql.SQLException {
        EstimateKey key = new EstimateKey(fingerprint, catalogIdentity, catalogVersion);
        java.util.OptionalLong known = estimates.get(key);
        if (known != null) {
            return known;
        }
        if (estimates.size() > 10_000) {
            estimates.keySet().removeIf(k -> k.catalogVersion() != catalogVersion);
        }
        java.util.OptionalLong loaded = loader.load();
        estimates.putIfAbsent(key, loaded);
        return loaded;
    }

    /** Asks the database for a row estimate. */
    @FunctionalInterface
    public interface EstimateLoader {
        java.util.OptionalLong load() throws java.sql.SQLException;
    }

    /** Classifies one table (reading samples when the policy asks for them). */
    @FunctionalInterface
    public interface ClassificationLoader {
        Map<String, Classification> load() throws java.sql.SQLException;
    }
}
