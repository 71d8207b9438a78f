package dev.veil.driver.pipeline;

import dev.veil.analyzer.TableName;
import dev.veil.driver.catalog.DatabaseCatalog;
import dev.veil.driver.catalog.LoadOnceCache;
import dev.veil.policy.classify.Classification;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What Veil keeps about one database under one policy, shared by every connection: its catalog and the
 * classification of its tables. Classifications belong to a catalog version, so DDL and the TTL renew them too.
 */
public final class DatabaseContext {

    /** Past this many entries, each cache drops those of other catalog versions, then all. */
    private static final int MAX_ENTRIES = 10_000;

    private record ClassificationKey(String catalogIdentity, TableName table, long catalogVersion) {
    }

    private record EstimateKey(String fingerprint, String catalogIdentity, long catalogVersion) {
    }

    /** A plan depends on the text, the entry point, what the session's catalog says and whether it is exempt. */
    public record PlanKey(String sql, dev.veil.driver.pipeline.Entry entry, String catalogIdentity,
                          long catalogVersion, boolean exempt, boolean afterUntrustedRead) {
    }

    private final DatabaseCatalog catalog;
    private final LoadOnceCache<PlanKey, StatementPlan> plans =
            LoadOnceCache.bounded(MAX_ENTRIES, PlanKey::catalogVersion);
    private final LoadOnceCache<ClassificationKey, Map<String, Classification>> classifications =
            LoadOnceCache.bounded(MAX_ENTRIES, ClassificationKey::catalogVersion);
    private final LoadOnceCache<EstimateKey, OptionalLong> estimates =
            LoadOnceCache.bounded(MAX_ENTRIES, EstimateKey::catalogVersion);

    /**
     * @param catalogTtl   how long catalog entries are kept at most
     * @param catalogCheck how long the catalog is trusted before the database's schema fingerprint is read again
     */
    public DatabaseContext(String identity, Duration catalogTtl, Duration catalogCheck) {
        this.catalog = new DatabaseCatalog(identity, catalogTtl, catalogCheck);
    }

    public DatabaseCatalog catalog() {
        return catalog;
    }

    /** The plan of a statement for this database: planning runs once per statement text, not once per execution. */
    public StatementPlan plan(PlanKey key, LoadOnceCache.Loader<StatementPlan, SQLException> planner)
            throws SQLException {
        return plans.get(key, planner);
    }

    /** The sensitive columns of a table by column name, classified once per catalog version. */
    public Map<String, Classification> classification(String catalogIdentity, TableName table, long catalogVersion,
            LoadOnceCache.Loader<Map<String, Classification>, SQLException> classifier) throws SQLException {
        return classifications.get(new ClassificationKey(catalogIdentity, table, catalogVersion),
                () -> Map.copyOf(classifier.load()));
    }

    /**
     * The database's row estimate for a statement shape (its fingerprint), asked once per catalog version: statements
     * that differ only in literals — the partitions of one Spark read — share it.
     */
    public OptionalLong estimate(String fingerprint, String catalogIdentity, long catalogVersion,
                                 LoadOnceCache.Loader<OptionalLong, SQLException> estimator) throws SQLException {
        return estimates.get(new EstimateKey(fingerprint, catalogIdentity, catalogVersion), estimator);
    }
}
