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

    private record EstimateKey(String input, String catalogIdentity, long catalogVersion) {
    }

    /**
     * A plan depends on the text, the entry point, what the session's catalog says, whether it is exempt and where it
     * masks plain projections ({@code veil.masking}).
     */
    public record PlanKey(String sql, dev.veil.driver.pipeline.Entry entry, String catalogIdentity,
                          long catalogVersion, boolean exempt, boolean masksInDriver,
                          boolean afterUntrustedRead) {
    }

    /** A shape's plan depends on what a plan does, with the shape's key in place of the text. */
    public record ShapeKey(String shape, dev.veil.driver.pipeline.Entry entry, String catalogIdentity,
                           long catalogVersion, boolean exempt, boolean masksInDriver,
                           boolean afterUntrustedRead) {
        public static ShapeKey of(String shape, PlanKey plan) {
            return new ShapeKey(shape, plan.entry(), plan.catalogIdentity(), plan.catalogVersion(), plan.exempt(),
                    plan.masksInDriver(), plan.afterUntrustedRead());
        }
    }

    private final DatabaseCatalog catalog;
    private final LoadOnceCache<PlanKey, StatementPlan> plans =
            LoadOnceCache.bounded(MAX_ENTRIES, PlanKey::catalogVersion);
    private final LoadOnceCache<ShapeKey, StatementPlan> shapes =
            LoadOnceCache.bounded(MAX_ENTRIES, ShapeKey::catalogVersion);
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

    /** The plan cache's hits and misses so far, for metrics. */
    public LoadOnceCache<PlanKey, StatementPlan> plans() {
        return plans;
    }

    public DatabaseCatalog catalog() {
        return catalog;
    }

    /** The plan of a statement for this database: planning runs once per statement text, not once per execution. */
    public StatementPlan plan(PlanKey key, LoadOnceCache.Loader<StatementPlan, SQLException> planner)
            throws SQLException {
        return plans.get(key, planner);
    }

    /** The plan cached for a statement text; null when there is none. */
    public StatementPlan cachedPlan(PlanKey key) {
        return plans.cached(key);
    }

    /** The plan made for a statement of this shape (under the same catalog and principal); null when none is known. */
    public StatementPlan shapePlan(ShapeKey key) {
        return shapes.cached(key);
    }

    /** Keeps the plan of a shape for its other texts. */
    public void shapePlan(ShapeKey key, StatementPlan plan) {
        shapes.put(key, plan);
    }

    /** The sensitive columns of a table by column name, classified once per catalog version. */
    public Map<String, Classification> classification(String catalogIdentity, TableName table, long catalogVersion,
            LoadOnceCache.Loader<Map<String, Classification>, SQLException> classifier) throws SQLException {
        return classifications.get(new ClassificationKey(catalogIdentity, table, catalogVersion),
                () -> Map.copyOf(classifier.load()));
    }

    /**
     * The database's row estimate for what it depends on ({@code input}: the SQL text with its literals for an
     * EXPLAIN, the tables for their statistics), asked once per catalog version.
     */
    public OptionalLong estimate(String input, String catalogIdentity, long catalogVersion,
                                 LoadOnceCache.Loader<OptionalLong, SQLException> estimator) throws SQLException {
        return estimates.get(new EstimateKey(input, catalogIdentity, catalogVersion), estimator);
    }
}
