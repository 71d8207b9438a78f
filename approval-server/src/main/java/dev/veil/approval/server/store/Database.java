package dev.veil.approval.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import dev.veil.approval.server.audit.AuditChain;
import java.util.List;
import java.util.Locale;

/**
 * The store's connection pool and schema. The schema is created on start if it does not exist; several servers
 * starting at once on one PostgreSQL database take turns.
 */
public final class Database implements AutoCloseable {

    /** A unit of work on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

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

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
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
            }
            return null;
        });
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
