package dev.veil.driver.pipeline;

import dev.veil.approval.client.ApprovalClient;
import dev.veil.driver.catalog.SessionCatalog;
import dev.veil.driver.config.Settings;
import dev.veil.driver.config.VeilConfig;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.events.UsageEventSink;
import dev.veil.driver.session.SessionTracker;
import dev.veil.policy.Policy;
import dev.veil.driver.config.MaskingMode;
import dev.veil.policy.mask.MaskRenderer;
import dev.veil.policy.mask.ReferenceMasker;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a statement's stages may use of its connection, fixed when the session opens: its settings, the pipeline its
 * statements take and — when its engine is one Veil understands — the engine, the policy, the database's shared
 * context and the session's {@link SessionTracker}, which follows what changes between statements.
 */
public final class Session {

    private final VeilConfig config;
    private final StatementPipeline pipeline;
    private final Connection vendor;
    private final Engine engine;
    private final Policy policy;
    private final MaskRenderer masks;
    private final ReferenceMasker masker;
    private final DatabaseContext database;
    private final UsageEventSink events;
    private final String application;
    private final String databaseUrl;
    private final ApprovalClient approvals;
    private final SessionTracker tracker;
    /** The first untrusted column this session read, or null: its writes, exports and DDL then wait for review. */
    private volatile String untrustedRead;

    private Session(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.pipeline = Objects.requireNonNull(b.pipeline, "pipeline");
        this.vendor = b.vendor;
        this.engine = b.engine;
        this.policy = b.policy == null ? Policy.defaults() : b.policy;
        this.masks = b.masks;
        this.masker = b.masker;
        this.database = b.database;
        this.events = b.events == null ? UsageEventSink.NONE : b.events;
        this.application = b.application;
        this.databaseUrl = b.databaseUrl;
        this.approvals = b.approvals;
        this.tracker = b.tracker == null ? SessionTracker.untracked() : b.tracker;
    }

    public static Builder builder(VeilConfig config, StatementPipeline pipeline) {
        return new Builder(config, pipeline);
    }

    public VeilConfig config() {
        return config;
    }

    public StatementPipeline pipeline() {
        return pipeline;
    }

    public boolean allowUnwrap() {
        return config.get(Settings.ALLOW_UNWRAP);
    }

    /** The engine, when Veil understands it; statements on any other engine cannot be analyzed. */
    public Optional<Engine> engine() {
        return Optional.ofNullable(engine);
    }

    public Policy policy() {
        return policy;
    }

    /** Renders the policy's masks for this engine (with the session's hash key, when there is one). */
    public MaskRenderer masks() {
        return masks;
    }

    /**
     * Masks values in the JVM, with the same results as {@link #masks()} renders in SQL; used only when
     * {@link #masksInDriver()}. Null when the engine is not one Veil understands.
     */
    public ReferenceMasker masker() {
        return masker;
    }

    /** Whether plain top-level projections of sensitive text columns are masked in the driver (veil.masking). */
    public boolean masksInDriver() {
        return masker != null && config.get(Settings.MASKING) == MaskingMode.DRIVER;
    }

    /** The vendor connection, for Veil's own queries (catalog, samples, estimates) — never handed to callers. */
    public Connection vendor() {
        return vendor;
    }

    /** What the database's sessions share: its catalog, classifications, row estimates and plans. */
    public DatabaseContext database() {
        return database;
    }

    public UsageEventSink events() {
        return events;
    }

    /** What changes in the session between statements: its state, catalog view and transaction. */
    public SessionTracker tracker() {
        return tracker;
    }

    /** Whether the policy exempts this session's database user: it then sees raw values (and events say so). */
    public boolean exempt() throws SQLException {
        return policy.isExempt(tracker.currentPrincipal());
    }

    /** Who the application says is asking ({@code veil.requester}); never used for exemptions. */
    public Optional<String> requester() {
        return config.get(Settings.REQUESTER);
    }

    public Optional<String> application() {
        return Optional.ofNullable(application);
    }

    /** Where statements run: the vendor URL without parameters (which may carry credentials). */
    public Optional<String> databaseUrl() {
        return Optional.ofNullable(databaseUrl);
    }

    /** The approval server's client, when one is configured. */
    public Optional<ApprovalClient> approvals() {
        return Optional.ofNullable(approvals);
    }

    /**
     * The first column of the policy's {@code untrusted} columns this session has read: from then on its writes,
     * exports and DDL wait for a reviewer, as the text it read may carry instructions planted for an agent.
     */
    /** Whether this session has read a column the policy marks untrusted (its plans are made as such). */
    boolean afterUntrustedRead() {
        return untrustedRead != null;
    }

    public Optional<String> untrustedRead() {
        return Optional.ofNullable(untrustedRead);
    }

    /** Records that the session read the untrusted {@code column}; the first one is kept, for the reason shown. */
    public void readUntrusted(String column) {
        if (untrustedRead == null) {
            untrustedRead = column;
        }
    }

    /** The key under which this session's plan of {@code sql} is shared, or null when plans are not cached. */
    DatabaseContext.PlanKey planKey(String sql, Entry entry) throws SQLException {
        if (engine == null || database == null) {
            return null;
        }
        SessionCatalog view = tracker.checkedCatalog();
        return new DatabaseContext.PlanKey(sql, entry, view.identity(), view.version(), exempt(), masksInDriver(),
                untrustedRead != null);
    }

    /**
     * Whether this session's catalog is still the one a plan was made against (the catalog checked for freshness
     * first); a session whose plans are not cached always answers yes. Allocates nothing: it runs per execution.
     */
    boolean seesCatalog(String catalogIdentity, long catalogVersion) throws SQLException {
        if (engine == null || database == null) {
            return true;
        }
        SessionCatalog view = tracker.checkedCatalog();
        return view.identity().equals(catalogIdentity) && view.version() == catalogVersion;
    }

    /** Assembles a session. */
    public static final class Builder {
        private final VeilConfig config;
        private final StatementPipeline pipeline;
        private Connection vendor;
        private Engine engine;
        private Policy policy;
        private MaskRenderer masks;
        private ReferenceMasker masker;
        private DatabaseContext database;
        private UsageEventSink events;
        private String application;
        private String databaseUrl;
        private ApprovalClient approvals;
        private SessionTracker tracker;

        private Builder(VeilConfig config, StatementPipeline pipeline) {
            this.config = config;
            this.pipeline = pipeline;
        }

        public Builder vendor(Connection vendor) {
            this.vendor = vendor;
            return this;
        }

        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        public Builder policy(Policy policy) {
            this.policy = policy;
            return this;
        }

        public Builder masks(MaskRenderer masks) {
            this.masks = masks;
            return this;
        }

        public Builder masker(ReferenceMasker masker) {
            this.masker = masker;
            return this;
        }

        public Builder database(DatabaseContext database) {
            this.database = database;
            return this;
        }

        public Builder events(UsageEventSink events) {
            this.events = events;
            return this;
        }

        public Builder application(String application) {
            this.application = application;
            return this;
        }

        public Builder databaseUrl(String databaseUrl) {
            this.databaseUrl = databaseUrl;
            return this;
        }

        public Builder approvals(ApprovalClient approvals) {
            this.approvals = approvals;
            return this;
        }

        public Builder tracker(SessionTracker tracker) {
            this.tracker = tracker;
            return this;
        }

        public Session build() {
            return new Session(this);
        }
    }
}
