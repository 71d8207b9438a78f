package dev.veil.driver.engine.postgresql;

import dev.veil.analyzer.Dialect;
import dev.veil.driver.engine.AllowedSettings;
import dev.veil.driver.engine.CatalogReader;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.engine.InternalQuery;
import dev.veil.driver.engine.RowEstimator;
import dev.veil.driver.engine.SchemaFingerprint;
import dev.veil.driver.engine.SessionState;
import dev.veil.driver.engine.SystemObjects;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.MaskDialects;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PostgreSQL. */
public final class PostgreSqlEngine extends Engine {

    private final CatalogReader catalog = new PostgreSqlCatalog();
    private final RowEstimator rowEstimator = new PostgreSqlRowEstimator();
    private final SchemaFingerprint fingerprint = new PostgreSqlFingerprint();

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    protected boolean acceptsUrl(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    protected boolean isProduct(String productName) {
        return productName.contains("postgresql");
    }

    @Override
    public Dialect sqlDialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public MaskDialect maskDialect() {
        return MaskDialects.POSTGRESQL;
    }

    @Override
    public CatalogReader catalog() {
        return catalog;
    }

    @Override
    public SchemaFingerprint schemaFingerprint() {
        return fingerprint;
    }

    /** DDL takes part in the transaction: a rollback undoes it, and others see it only once committed. */
    @Override
    public boolean ddlCommitsTransaction() {
        return false;
    }

    @Override
    public RowEstimator rowEstimator() {
        return rowEstimator;
    }

    @Override
    public AllowedSettings settings() {
        return PostgreSqlSettings.ALLOWED;
    }

    @Override
    public SystemObjects systemObjects() {
        return PostgreSqlSystemObjects.FORBIDDEN;
    }

    /** An error inside a transaction aborts the whole transaction: Veil's own queries run behind a savepoint. */
    @Override
    public <T> T runInternal(Connection vendor, InternalQuery<T> query) throws SQLException {
        return behindSavepoint(vendor, query);
    }

    /**
     * Standard-conforming strings and UTF-8 on both ends: the analyzer reads text as such a server does. The search
     * path must look in {@code pg_catalog} before any schema a user can create objects in (only the session's
     * temporary schema may precede it, which is never searched for functions or operators): otherwise a user's
     * function or operator of a built-in's name would answer for it, in the masks Veil writes as in the statements it
     * reads. This query names {@code pg_catalog}'s functions for the same reason.
     */
    @Override
    protected SessionState readState(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT session_user, pg_catalog.current_database(),"
                     + " pg_catalog.current_schemas(true), pg_catalog.current_setting('standard_conforming_strings'),"
                     + " pg_catalog.current_setting('server_encoding'), pg_catalog.current_setting('client_encoding'),"
                     + " pg_catalog.current_setting('search_path'), current_user")) {
            rs.next();
            requireDefault(rs.getString(4).equalsIgnoreCase("on"), "PostgreSQL standard_conforming_strings is off");
            requireDefault(rs.getString(5).equalsIgnoreCase("UTF8"), "PostgreSQL server_encoding is not UTF8");
            requireDefault(rs.getString(6).equalsIgnoreCase("UTF8"), "PostgreSQL client_encoding is not UTF8");
            Array schemas = rs.getArray(3);
            List<String> effective = Arrays.asList((String[]) schemas.getArray());
            String setting = rs.getString(7);
            List<String> entries = PostgreSqlSearchPath.entries(setting, rs.getString(8));
            Set<String> missing = missingSchemas(c, entries.stream()
                    .filter(e -> !effective.contains(e) && !e.equals("pg_temp")).toList());
            List<String> path = PostgreSqlSearchPath.of(effective, setting, rs.getString(8), missing);
            requireDefault(PostgreSqlSearchPath.builtinsFirst(path),
                    "PostgreSQL search_path lists a schema before pg_catalog");
            return new SessionState(rs.getString(1), rs.getString(2), path);
        }
    }

    /** The names among {@code names} that no schema has (yet). */
    private static Set<String> missingSchemas(Connection c, List<String> names) throws SQLException {
        Set<String> missing = new HashSet<>();
        if (names.isEmpty()) {
            return missing;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT e FROM pg_catalog.unnest(?::pg_catalog.text[]) AS e"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname = e)")) {
            p.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    missing.add(rs.getString(1));
                }
            }
        }
        return missing;
    }
}
