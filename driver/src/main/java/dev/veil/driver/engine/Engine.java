package dev.veil.driver.engine;

import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.TableName;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.policy.mask.MaskDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * One database engine Veil understands: everything the driver does differently from one engine to another, in one
 * object (as Calcite's {@code SqlDialect} is for SQL). It says which URLs and product names are its own, which
 * dialects the analyzer and the masks use, how Veil reads a session's state and the catalog, how it estimates rows,
 * which session settings a client may touch and which system objects no client may read. Each engine lives in its
 * own package; {@link Engines} finds the one for a connection.
 */
public abstract class Engine {

    /** The engine's name in lower case, as {@code explain} shows it, e.g. {@code postgresql}. */
    public abstract String name();

    /** Whether a vendor JDBC URL, in lower case, names this engine, e.g. {@code jdbc:postgresql:…}. */
    protected abstract boolean acceptsUrl(String url);

    /** Whether the product name the database reports, in lower case, is this engine's. */
    protected abstract boolean isProduct(String productName);

    /** The dialect the analyzer reads this engine's SQL in. */
    public abstract Dialect sqlDialect();

    /** The dialect the policy's masks render in. */
    public abstract MaskDialect maskDialect();

    /** How Veil reads relations and functions from this engine's metadata. */
    public abstract CatalogReader catalog();

    /** The fingerprint of the catalog that tells whether what Veil cached of it is still what the database has. */
    public abstract SchemaFingerprint schemaFingerprint();

    /**
     * Whether DDL commits the session's open transaction and then itself at once (MariaDB, H2), rather than taking
     * part in the transaction, to be committed or rolled back with it (PostgreSQL). Where DDL takes part, what a
     * transaction changes of the schema is its own until it commits, and gone when it rolls back.
     */
    public abstract boolean ddlCommitsTransaction();

    /** How this engine estimates the rows a statement reads or writes. */
    public abstract RowEstimator rowEstimator();

    /** The session settings a client may set, reset or show. */
    public abstract AllowedSettings settings();

    /** The system objects no client may read. */
    public abstract SystemObjects systemObjects();

    /**
     * Whether the vendor driver answers {@code RETURN_GENERATED_KEYS} with the auto-increment value only — then no
     * other column, sensitive or not, can come back as a key, and the flag passes on as it is.
     */
    public boolean generatedKeysAreAutoIncrementOnly() {
        return false;
    }

    /**
     * Reads the session's state: its user, current database and name search path. A session whose settings would make
     * Veil read SQL differently from the server is refused (see {@link #requireDefault}).
     */
    public final SessionState readSessionState(Connection vendor) throws SQLException {
        return runInternal(vendor, this::readState);
    }

    /** Reads the session's state on {@code connection}, in one round trip. */
    protected abstract SessionState readState(Connection connection) throws SQLException;

    /** Veil's own queries on a session's connection (catalog, samples, estimates); by default run as they are. */
    public <T> T runInternal(Connection vendor, InternalQuery<T> query) throws SQLException {
        return query.run(vendor);
    }

    /**
     * Prepares a statement whose parameters must never be inlined into its text by the vendor driver (Veil's hash
     * secrets); by default an ordinary prepared statement.
     */
    public PreparedStatement prepareServerSide(Connection vendor, String sql) throws SQLException {
        return vendor.prepareStatement(sql);
    }

    /**
     * Whether {@link #estimateRows} depends on the statement's text, literals included (an EXPLAIN), rather than on
     * its tables alone: an estimate is cached by what it depends on.
     */
    public final boolean estimateReadsText(boolean parameters) {
        return !parameters && rowEstimator().explainsText();
    }

    /**
     * The database's estimate of the rows a statement reads or writes, read through {@link #runInternal}; empty when
     * none can be had (the runtime row guard remains).
     *
     * @param parameters whether the statement has bind parameters (it cannot be explained as it is)
     * @param tables     the tables whose statistics bound the estimate when the statement cannot be explained
     */

    public final OptionalLong estimateRows(Connection vendor, String sql, boolean parameters,
                                           Collection<TableName> tables) {
        try {
            return runInternal(vendor, c -> parameters ? rowEstimator().statistics(c, tables)
                    : rowEstimator().explain(c, sql, tables));
        } catch (SQLException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Runs {@code query} behind a savepoint when a transaction is open, so that its failure cannot abort the caller's
     * transaction: for engines where any error does (PostgreSQL).
     */
    protected static <T> T behindSavepoint(Connection vendor, InternalQuery<T> query) throws SQLException {
        if (vendor.getAutoCommit()) {
            return query.run(vendor);
        }
        Savepoint savepoint = vendor.setSavepoint();
        try {
            T result = query.run(vendor);
            vendor.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException e) {
            vendor.rollback(savepoint);
            throw e;
        }
    }

    /** Refuses a session configured so that Veil would read SQL otherwise than the server does. */
    protected static void requireDefault(boolean condition, String problem) throws SQLException {
        if (!condition) {
            throw VeilErrors.configuration(problem + ": Veil reads SQL as the server's defaults do and refuses a"
                    + " session configured otherwise");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
