package dev.veil.driver.engine.mariadb;

import dev.veil.analyzer.Dialect;
import dev.veil.driver.engine.AllowedSettings;
import dev.veil.driver.engine.CatalogReader;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.engine.RowEstimator;
import dev.veil.driver.engine.SchemaFingerprint;
import dev.veil.driver.engine.SessionState;
import dev.veil.driver.engine.SystemObjects;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.MaskDialects;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** MariaDB, and MySQL through the same dialect. */
public final class MariaDbEngine extends Engine {

    /** Character sets in which a backslash or quote byte can never hide inside a multi-byte character. */
    private static final Set<String> SAFE_CHARSETS = Set.of("utf8mb4", "utf8mb3", "utf8", "latin1", "ascii",
            "binary");

    private final CatalogReader catalog = new MariaDbCatalog();
    private final RowEstimator rowEstimator = new MariaDbRowEstimator();
    private final SchemaFingerprint fingerprint = new MariaDbFingerprint();

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    protected boolean acceptsUrl(String url) {
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }

    @Override
    protected boolean isProduct(String productName) {
        return productName.contains("mariadb") || productName.contains("mysql");
    }

    @Override
    public Dialect sqlDialect() {
        return Dialect.MARIADB;
    }

    @Override
    public MaskDialect maskDialect() {
        return MaskDialects.MARIADB;
    }

    @Override
    public CatalogReader catalog() {
        return catalog;
    }

    @Override
    public SchemaFingerprint schemaFingerprint() {
        return fingerprint;
    }

    /** DDL commits the open transaction first, then itself: a rollback cannot undo it. */
    @Override
    public boolean ddlCommitsTransaction() {
        return true;
    }

    @Override
    public RowEstimator rowEstimator() {
        return rowEstimator;
    }

    @Override
    public AllowedSettings settings() {
        return MariaDbSettings.ALLOWED;
    }

    @Override
    public SystemObjects systemObjects() {
        return MariaDbSystemObjects.FORBIDDEN;
    }

    /** The connector returns only the auto-increment value for {@code RETURN_GENERATED_KEYS}. */
    @Override
    public boolean generatedKeysAreAutoIncrementOnly() {
        return true;
    }

    /** Through a server-side prepared statement: the connector would otherwise inline the values into the text. */
    @Override
    public PreparedStatement prepareServerSide(Connection vendor, String sql) throws SQLException {
        if (!vendor.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
            throw VeilErrors.configuration("the hash mask needs the MariaDB Connector/J to install its secrets"
                    + " without putting them in statement text");
        }
        return vendor.unwrap(org.mariadb.jdbc.Connection.class).prepareInternal(sql, Statement.NO_GENERATED_KEYS,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, true);
    }

    /** No sql_mode that changes how quotes and backslashes read; a character set that cannot hide them. */
    @Override
    protected SessionState readState(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUBSTRING_INDEX(USER(), '@', 1), DATABASE(), @@sql_mode,"
                     + " @@character_set_client, @@character_set_connection")) {
            rs.next();
            String mode = rs.getString(3) == null ? "" : rs.getString(3).toUpperCase(Locale.ROOT);
            for (String lexical : List.of("ANSI_QUOTES", "NO_BACKSLASH_ESCAPES", "ORACLE", "EMPTY_STRING_IS_NULL")) {
                requireDefault(!Arrays.asList(mode.split(",")).contains(lexical),
                        "MariaDB sql_mode contains " + lexical);
            }
            for (int i = 4; i <= 5; i++) {
                String charset = rs.getString(i) == null ? "" : rs.getString(i).toLowerCase(Locale.ROOT);
                requireDefault(SAFE_CHARSETS.contains(charset), "MariaDB character set " + charset
                        + " can hide quotes inside multi-byte characters");
            }
            String database = rs.getString(2);
            return new SessionState(rs.getString(1), null, database == null ? List.of() : List.of(database));
        }
    }
}
