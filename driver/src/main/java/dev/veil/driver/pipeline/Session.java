package dev.veil.driver.pipeline;

import dev.veil.approval.client.ApprovalClient;
import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.catalog.DatabaseCatalog;
import dev.veil.driver.catalog.SessionCatalog;
import dev.veil.driver.config.Settings;
import dev.veil.driver.config.VeilConfig;
import dev.veil.driver.events.UsageEventSink;
import dev.veil.driver.session.DatabaseContext;
import dev.veil.driver.session.Engine;
import dev.veil.driver.session.SessionState;
import dev.veil.policy.Policy;
import dev.veil.policy.mask.MaskRenderer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * What Veil knows about one connection: its settings, the pipeline its statements take, and — when its engine is one
 * Veil understands — the policy, the database's shared catalog, and the session's own state (user, search path).
 */
public final class Session {

    private final VeilConfig config;
    private final StatementPipeline pipeline;
    private final Connection vendor;
    private final Engine engine;
    private final Policy policy;
    private final MaskRenderer masks;
    private final DatabaseContext database;
    private final UsageEventSink events;
    private final String application;
    private final String databaseUrl;
    private final ApprovalClient approvals;
    private volatile SessionState state;
    private volatile SessionCatalog catalog;
    private volatile boolean touchedSensitive;
    /** Set after statements that may change the session's state; it is read again before the next statement. */
    private volatile boolean stale;
    /** A statement changed the session's state in the current transaction: its end may undo that. */
    private volatile boolean changedInTransaction;
    /** A transaction opened with BEGIN/START TRANSACTION while JDBC autocommit is on. */
    private volatile boolean explicitTransaction;
    /**
     * While the session's own transaction holds uncommitted DDL, what it reads of the catalog is its alone: it is kept
     * here instead of in the database's shared cache, which other sessions (and a rollback) must not see.
     */
    private volatile DatabaseCatalog privateCatalog;

    private Session(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.pipeline = Objects.requireNonNull(b.pipeline, "pipeline");
        this.vendor = b.vendor;
        this.engine = b.engine;
        this.policy = b.policy == null ? Policy.defaults() : b.policy;
        this.masks = b.masks;
        this.database = b.database;
        this.events = b.events == null ? UsageEventSink.NONE : b.events;
        this.application = b.application;
        this.databaseUrl = b.databaseUrl;
        this.approvals = b.approvals;
        this.state = b.state;
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

    /** The vendor connection, for Veil's own queries (catalog, samples, estimates) — never handed to callers. */
    public Connection vendor() {
        return vendor;
    }

    public DatabaseContext database() {
        return database;
    }

    public UsageEventSink events() {
        return events;
    }

    /** The database user the session authenticated as. */
    public String principal() {
        return state == null ? null : state.user();
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

    /** Whether the policy exempts this session's database user: it then sees raw values (and events say so). */
    public boolean exempt() throws SQLException {
        freshen();
        return policy.isExempt(principal());
    }

    /** The key under which this session's plan of {@code sql} is shared, or null when plans are not cached. */
    DatabaseContext.PlanKey planKey(String sql, Entry entry) throws SQLException {
        if (engine == null || database == null) {
            return null;
        }
        SessionCatalog view = catalog();
        return new DatabaseContext.PlanKey(sql, entry, view.identity(), view.version(), exempt());
    }

    /** Notes that a statement touching sensitive columns ran: connection-level warnings are scrubbed from then on. */
    public void touchedSensitive() {
        touchedSensitive = true;
    }

    public boolean hasTouchedSensitive() {
        return touchedSensitive;
    }

    /** The catalog as this session sees it. */
    public SessionCatalog catalog() throws SQLException {
        freshen();
        SessionCatalog current = catalog;
        if (current == null) {
            SessionState s = state;
            DatabaseCatalog view = privateCatalog != null ? privateCatalog : database.catalog();
            current = new SessionCatalog(view, vendor, engine, s.currentCatalog(), s.searchPath());
            catalog = current;
        }
        return current;
    }

    /**
     * Marks the session's state (user, search path) as possibly changed by SET, USE, DDL or a JDBC schema change; it
     * is read again before the next statement is planned — not at once, which on MariaDB would clear the warnings
     * of the statement that just ran.
     */
    public void refreshState() {
        stale = true;
    }

    /** A statement may have changed the session's state (SET, USE, DDL). */
    public void stateChanged() {
        stale = true;
        changedInTransaction = true;
    }

    /** A BEGIN or START TRANSACTION statement opened a transaction (JDBC may still report autocommit). */
    public void transactionBegun() {
        explicitTransaction = true;
    }

    /**
     * The schema changed (DDL ran). Outside a transaction every session must see it: the shared catalog is dropped.
     * Inside one, the change is this session's until it commits: the session reads the catalog privately until then.
     */
    public void schemaChanged() throws SQLException {
        database.catalog().invalidate();
        if (vendor != null && (explicitTransaction || !vendor.getAutoCommit())) {
            if (privateCatalog == null) {
                privateCatalog = new DatabaseCatalog(database.catalog().identity() + "|txn:"
                        + Integer.toHexString(System.identityHashCode(this)) + ":" + System.nanoTime(),
                        config.get(dev.veil.driver.config.Settings.CATALOG_TTL));
            } else {
                privateCatalog.invalidate();
            }
        }
        catalog = null;
        stateChanged();
    }

    /**
     * A transaction ended or rolled back to a savepoint: a rollback undoes SETs and DDL made since, so the state is
     * read again and this session's private view of the catalog is dropped (at the end) or forgotten (at a savepoint).
     *
     * @param completely whether the whole transaction ended (commit, rollback); after a savepoint rollback the
     *                   session is still inside a transaction whose end undoes more
     */
    public void transactionEnded(boolean completely) {
        if (changedInTransaction) {
            stale = true;
            if (completely) {
                changedInTransaction = false;
            }
        }
        if (privateCatalog != null) {
            if (completely) {
                privateCatalog = null;
                database.catalog().invalidate(); // a commit made the DDL everyone's
            } else {
                privateCatalog.invalidate();
            }
            catalog = null;
        }
        if (completely) {
            explicitTransaction = false;
        }
    }

    private void freshen() throws SQLException {
        if (stale && engine != null && vendor != null) {
            state = SessionState.read(vendor, engine);
            catalog = null;
            stale = false;
        }
    }

    /** Assembles a session. */
    public static final class Builder {
        private final VeilConfig config;
        private final StatementPipeline pipeline;
        private Connection vendor;
        private Engine engine;
        private Policy policy;
        private MaskRenderer masks;
        private DatabaseContext database;
        private UsageEventSink events;
        private String application;
        private String databaseUrl;
        private ApprovalClient approvals;
        private SessionState state;

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

        public Builder state(SessionState state) {
            this.state = state;
            return this;
        }

        public Session build() {
            return new Session(this);
        }
    }
}
