package dev.veil.driver.session;

import dev.veil.driver.catalog.DatabaseCatalog;
import dev.veil.driver.catalog.SessionCatalog;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.engine.SessionState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What Veil keeps track of in one connection's session between statements: its state (user, current database, search
 * path) and the catalog as the session sees it, both read again when statements may have changed them; its
 * transaction, whose end may undo such changes; and whether it has touched sensitive columns. Everything else a
 * statement needs of its session is fixed when the session opens.
 */
public final class SessionTracker {

    private final Connection vendor;
    private final Engine engine;
    private final DatabaseCatalog shared;
    private volatile SessionState state;
    private volatile SessionCatalog catalog;
    private volatile boolean touchedSensitive;
    /** Set after statements that may change the session's state; it is read again before the next statement. */
    private volatile boolean stale;
    /** A statement changed the session's state in the current transaction: its end may undo that. */
    private volatile boolean changedInTransaction;
    /** A transaction opened with BEGIN/START TRANSACTION while JDBC autocommit is on. */
    private volatile boolean explicitTransaction;
    /** The session ran DDL: it may have created temporary tables, which live as long as it does. */
    private volatile boolean changedSchema;
    /**
     * While the session's own transaction holds uncommitted DDL (on engines where DDL is transactional), what it reads
     * of the catalog is its alone: it is kept here instead of in the database's shared cache, which other sessions
     * must not see, and dropped when the transaction ends — a rollback leaves nothing behind.
     */
    private volatile DatabaseCatalog privateCatalog;
    /** Reads the database's schema fingerprint through this session's connection; made once, used per statement. */
    private final DatabaseCatalog.FingerprintProbe fingerprintProbe;

    /**
     * @param vendor     the session's vendor connection, for reading its state and catalog
     * @param engine     the session's engine
     * @param shared     the database's catalog, shared by its sessions
     * @param state      the session's state as read when it opened
     */
    public SessionTracker(Connection vendor, Engine engine, DatabaseCatalog shared, SessionState state) {
        this.vendor = vendor;
        this.engine = engine;
        this.shared = shared;
        this.state = state;
        this.fingerprintProbe = () -> engine.runInternal(vendor, engine.schemaFingerprint()::read);
    }

    /** A session on an engine Veil does not understand: it has no state or catalog to follow. */
    public static SessionTracker untracked() {
        return new SessionTracker(null, null, null, null);
    }

    /** The database user the session authenticated as, as last read; null when the engine is not understood. */
    public String principal() {
        SessionState s = state;
        return s == null ? null : s.user();
    }

    /** The database user the session runs as now: the state is read again first if a statement may have changed it. */
    public String currentPrincipal() throws SQLException {
        freshen();
        return principal();
    }

    /**
     * The catalog as this session sees it now, checked first against the database's schema fingerprint, through this
     * session's connection, if the last check is older than {@code veil.catalog.check}: what every statement is
     * planned (or a prepared statement checked) against.
     */
    public SessionCatalog checkedCatalog() throws SQLException {
        freshen();
        DatabaseCatalog view = privateCatalog != null ? privateCatalog : shared;
        view.verify(fingerprintProbe);
        return catalog();
    }

    /** The catalog as this session sees it now. */
    public SessionCatalog catalog() throws SQLException {
        freshen();
        SessionCatalog current = catalog;
        if (current == null) {
            SessionState s = state;
            DatabaseCatalog view = privateCatalog != null ? privateCatalog : shared;
            current = new SessionCatalog(view, vendor, engine, s.currentCatalog(), s.searchPath());
            catalog = current;
        }
        return current;
    }

    /** Notes that a statement touching sensitive columns ran: connection-level warnings are scrubbed from then on. */
    public void touchedSensitive() {
        if (!touchedSensitive) { // read first: a volatile write on every execution would cost more than the check
            touchedSensitive = true;
        }
    }

    public boolean hasTouchedSensitive() {
        return touchedSensitive;
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
     * The schema changed (DDL ran). Where DDL takes part in the open transaction (the engine says), the change is this
     * session's until it commits: the session reads the catalog privately until then, and the shared catalog — which
     * never saw the change — stays as it is. Otherwise (no transaction open, or DDL that commits it) every session
     * must see the change at once: the shared catalog is dropped, and with it any private view, now committed.
     */
    public void schemaChanged() throws SQLException {
        changedSchema = true;
        if (engine == null || vendor == null) {
            return;
        }
        if (!engine.ddlCommitsTransaction() && inTransaction()) {
            if (privateCatalog == null) {
                privateCatalog = shared.forTransaction(Integer.toHexString(System.identityHashCode(this)));
            } else {
                privateCatalog.invalidate();
            }
        } else {
            shared.invalidate();
            privateCatalog = null;
            if (engine.ddlCommitsTransaction()) {
                explicitTransaction = false;
            }
        }
        catalog = null;
        stateChanged();
    }

    /**
     * Whether the session has ever changed the schema (DDL ran through it): then it may hold temporary tables, which
     * on some engines the catalog cannot see ({@code CatalogReader#seesTemporaryTables}).
     */
    public boolean changedSchema() {
        return changedSchema;
    }

    private boolean inTransaction() throws SQLException {
        return explicitTransaction || !vendor.getAutoCommit();
    }

    /**
     * A transaction ended or rolled back to a savepoint: a rollback undoes SETs and DDL made since, so the state is
     * read again and this session's private view of the catalog is dropped (at the end) or forgotten (at a savepoint).
     *
     * @param completely whether the whole transaction ended (commit, rollback); after a savepoint rollback the
     *                   session is still inside a transaction whose end undoes more
     * @param chained    whether a new transaction began with the end (COMMIT AND CHAIN, ROLLBACK AND CHAIN): a
     *                   transaction opened by BEGIN goes on being one
     */
    public void transactionEnded(boolean completely, boolean chained) {
        if (changedInTransaction) {
            stale = true;
            if (completely) {
                changedInTransaction = false;
            }
        }
        if (privateCatalog != null) {
            if (completely) {
                privateCatalog = null;
                shared.invalidate(); // a commit made the DDL everyone's
            } else {
                privateCatalog.invalidate();
            }
            catalog = null;
        }
        if (completely && !chained) {
            explicitTransaction = false;
        }
    }

    /** A transaction ended or rolled back to a savepoint, without starting another. */
    public void transactionEnded(boolean completely) {
        transactionEnded(completely, false);
    }

    private void freshen() throws SQLException {
        if (stale && engine != null && vendor != null) {
            state = engine.readSessionState(vendor);
            catalog = null;
            stale = false;
        }
    }
}
