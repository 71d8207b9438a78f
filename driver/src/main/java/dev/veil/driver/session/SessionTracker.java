package dev.veil.driver.session;

import dev.veil.driver.catalog.DatabaseCatalog;
import dev.veil.driver.catalog.SessionCatalog;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.engine.SessionState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

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
    private final Duration catalogTtl;
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

    /**
     * @param vendor     the session's vendor connection, for reading its state and catalog
     * @param engine     the session's engine
     * @param shared     the database's catalog, shared by its sessions
     * @param catalogTtl how long what is read of the catalog may be kept
     * @param state      the session's state as read when it opened
     */
    public SessionTracker(Connection vendor, Engine engine, DatabaseCatalog shared, Duration catalogTtl,
                          SessionState state) {
        this.vendor = vendor;
        this.engine = engine;
        this.shared = shared;
        this.catalogTtl = catalogTtl;
        this.state = state;
    }

    /** A session on an engine Veil does not understand: it has no state or catalog to follow. */
    public static SessionTracker untracked() {
        return new SessionTracker(null, null, null, null, null);
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
        touchedSensitive = true;
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
     * The schema changed (DDL ran). Outside a transaction every session must see it: the shared catalog is dropped.
     * Inside one, the change is this session's until it commits: the session reads the catalog privately until then.
     */
    public void schemaChanged() throws SQLException {
        shared.invalidate();
        if (vendor != null && (explicitTransaction || !vendor.getAutoCommit())) {
            if (privateCatalog == null) {
                privateCatalog = new DatabaseCatalog(shared.identity() + "|txn:"
                        + Integer.toHexString(System.identityHashCode(this)) + ":" + System.nanoTime(), catalogTtl);
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
                shared.invalidate(); // a commit made the DDL everyone's
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
            state = engine.readSessionState(vendor);
            catalog = null;
            stale = false;
        }
    }
}
