package dev.veil.approval.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import dev.veil.approval.server.audit.AuditChain;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connection pool and schema. The schema is created on start if it does not exist; several servers
 * starting at once on one PostgreSQL database take turns.
 *
 * <p>Durability: {@link #durably} returns only when its commit is on disk. On PostgreSQL every connection commits
 * with {@code synchronous_commit = on} (the commit waits for the WAL flush). On H2 a commit is only handed to the
 * MVStore, which writes it out up to its write delay later; {@code durably} therefore follows the commit with
 * {@code CHECKPOINT SYNC}, which writes the store's pending changes and forces the file to disk (fsync).
 */
public final class Database implements AutoCloseable {

    /** A unit of work on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final StoreDialect dialect;

    private Database(HikariDataSource pool, StoreDialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens the pool and creates the schema if it does not exist. */
    public static Database open(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize, true);
    }

    /** Opens the pool of a store that must already exist (for verification, which must not create anything). */
    public static Database openExisting(String url, String user, String password) {
        // H2 would otherwise create an empty database file where there was none
        String existing = StoreDialect.of(url) == StoreDialect.H2 && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS=")
                ? url + ";IFEXISTS=TRUE" : url;
        return open(existing, user, password, 1, false);
    }

    private static Database open(String url, String user, String password, int poolSize, boolean create) {
        StoreDialect dialect = StoreDialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setPoolName("veil-approval-store");
        config.setConnectionTimeout(10_000);
        // a server waits a little for its database to come up; a verification reports at once
        config.setInitializationFailTimeout(create ? 10_000 : 1);
        if (dialect == StoreDialect.POSTGRESQL) {
            // an acknowledged write must survive a crash, whatever the database's or role's default says
            config.setConnectionInitSql("SET synchronous_commit = on");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the approval store at " + url + ": " + rootMessage(e), e);
        }
        Database database = new Database(pool, dialect);
        try {
            if (create) {
                database.createSchema();
            } else {
                database.requireSchema();
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return database;
    }

    public StoreDialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. For reads, and for
     * writes that may be lost in a crash (lease renewals); everything a caller is told was done uses
     * {@link #durably}.
     */
    public <T> T transaction(Work<T> work) {
        return run(work, false);
    }

    /** Runs read-only {@code work} in a repeatable-read transaction: every query sees the same moment. */
    public <T> T snapshot(Work<T> work) {
        return transaction(connection -> {
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
            }
        });
    }

    /** Like {@link #transaction}, but returns only once the commit is on disk (see the class comment). */
    public <T> T durably(Work<T> work) {
        return run(work, true);
    }

    private <T> T run(Work<T> work, boolean durable) {
        try (Connection connection = pool.getConnection()) {
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            if (durable && dialect.syncStatement() != null) {
                try (Statement sync = connection.createStatement()) {
                    sync.execute(dialect.syncStatement());
                }
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            if (StoreConflictException.isConflict(e)) {
                throw new StoreConflictException(e);
            }
            throw new StoreException("the approval store failed: " + e.getMessage(), e);
        }
    }

    private void createSchema() {
        String text = dialect.textType();
        List<String> ddl = List.of(
                "CREATE TABLE IF NOT EXISTS veil_approval_request ("
                        + " id VARCHAR(64) PRIMARY KEY,"
                        + " binding_key VARCHAR(64) NOT NULL,"
                        + " client VARCHAR(200) NOT NULL,"
                        + " principal VARCHAR(320) NOT NULL,"
                        + " fingerprint VARCHAR(200) NOT NULL,"
                        + " request_json " + text + " NOT NULL,"
                        + " state VARCHAR(16) NOT NULL,"
                        + " created_at BIGINT NOT NULL,"
                        + " expires_at BIGINT NOT NULL,"
                        + " decided_at BIGINT,"
                        + " reviewer VARCHAR(320),"
                        + " reason VARCHAR(2000),"
                        + " approved_until BIGINT,"
                        + " approved_under VARCHAR(64),"
                        + " slack_channel VARCHAR(64),"
                        + " slack_ts VARCHAR(64))",
                // the binding of a pending request, NULL once it is decided: at most one pending request per
                // binding, whichever server or thread creates it (NULLs never collide)
                "ALTER TABLE veil_approval_request ADD COLUMN IF NOT EXISTS pending_key VARCHAR(64)",
                "CREATE UNIQUE INDEX IF NOT EXISTS veil_approval_request_pending"
                        + " ON veil_approval_request (pending_key)",
                // drivers waiting on a request; a request nobody waits on any more is withdrawn
                "CREATE TABLE IF NOT EXISTS veil_request_waiter ("
                        + " request_id VARCHAR(64) NOT NULL,"
                        + " waiter VARCHAR(100) NOT NULL,"
                        + " lease_until BIGINT NOT NULL,"
                        + " PRIMARY KEY (request_id, waiter))",
                // idempotency keys of driver calls that a retry must not repeat: create, outcome, usage events
                "CREATE TABLE IF NOT EXISTS veil_idempotency_key ("
                        + " client VARCHAR(200) NOT NULL,"
                        + " idem_key VARCHAR(120) NOT NULL,"
                        + " request_id VARCHAR(64),"
                        + " created_at BIGINT NOT NULL,"
                        + " PRIMARY KEY (client, idem_key))",
                "CREATE INDEX IF NOT EXISTS veil_idempotency_key_age ON veil_idempotency_key (created_at)",
                // signatures of Slack requests already received: a replay is refused
                // the approver group a request was escalated to (none: the first group)
                "CREATE TABLE IF NOT EXISTS veil_request_route ("
                        + " request_id VARCHAR(64) PRIMARY KEY,"
                        + " approver_group VARCHAR(200) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS veil_slack_request ("
                        + " signature VARCHAR(100) PRIMARY KEY,"
                        + " received_at BIGINT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS veil_approval_request_binding"
                        + " ON veil_approval_request (binding_key, state)",
                "CREATE INDEX IF NOT EXISTS veil_approval_request_due ON veil_approval_request (state, expires_at)",
                "CREATE TABLE IF NOT EXISTS veil_audit_record ("
                        + " seq BIGINT PRIMARY KEY,"
                        + " recorded_at BIGINT NOT NULL,"
                        + " record_type VARCHAR(40) NOT NULL,"
                        + " request_id VARCHAR(64),"
                        + " actor VARCHAR(320),"
                        + " payload " + text + " NOT NULL,"
                        + " prev_hash VARCHAR(64) NOT NULL,"
                        + " hash VARCHAR(64) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS veil_audit_head ("
                        + " id INT PRIMARY KEY,"
                        + " seq BIGINT NOT NULL,"
                        + " hash VARCHAR(64) NOT NULL)");
        transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                if (dialect.schemaLock() != null) {
                    statement.execute(dialect.schemaLock());
                }
                for (String sql : ddl) {
                    statement.execute(sql);
                }
                statement.executeUpdate("INSERT INTO veil_audit_head (id, seq, hash) SELECT 1, 0, '"
                        + AuditChain.GENESIS + "' WHERE NOT EXISTS (SELECT 1 FROM veil_audit_head"
                        + " WHERE id = 1)");
                // requests left pending by a version without pending_key: the oldest of each binding holds it
                statement.executeUpdate("UPDATE veil_approval_request SET pending_key = binding_key"
                        + " WHERE state = 'PENDING' AND pending_key IS NULL AND NOT EXISTS (SELECT 1 FROM"
                        + " veil_approval_request o WHERE o.binding_key = veil_approval_request.binding_key"
                        + " AND o.state = 'PENDING'"
                        + " AND (o.pending_key IS NOT NULL OR o.id < veil_approval_request.id))");
            }
            return null;
        });
        checkDurability();
    }

    /** Refuses a store on which acknowledged writes could be lost, or says why they could. */
    private void checkDurability() {
        try {
            durably(connection -> null);
        } catch (StoreException e) {
            throw new StoreException("the approval store cannot force its writes to disk (" + e.getMessage()
                    + "); on H2 the store user must be an administrator", e);
        }
        if (dialect == StoreDialect.POSTGRESQL) {
            transaction(connection -> {
                try (Statement statement = connection.createStatement();
                     java.sql.ResultSet rs = statement.executeQuery("SHOW fsync")) {
                    if (rs.next() && !"on".equalsIgnoreCase(rs.getString(1))) {
                        LOG.warn("the PostgreSQL server of the approval store runs with fsync = {}: an operating"
                                + " system crash or power loss can lose acknowledged approvals", rs.getString(1));
                    }
                }
                return null;
            });
        }
    }

    private void requireSchema() {
        transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT seq FROM veil_audit_head WHERE id = 1").close();
                statement.executeQuery("SELECT seq FROM veil_audit_record WHERE seq = 0").close();
            } catch (SQLException e) {
                throw new StoreException("there is no Veil audit log in this database (" + e.getMessage() + ")", e);
            }
            return null;
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }
}
