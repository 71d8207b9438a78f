package dev.veil.driver.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A short text that changes whenever anything Veil reads of the catalog changes — relations, columns, view
 * definitions, comments, schemas, routines — whoever changed it: this process, another process running Veil, or any
 * other client. Veil compares it with the one its cached catalog was read under ({@code veil.catalog.check}); equal
 * texts mean the cache still describes the database. One query, one row, one column; each engine says which.
 */
public abstract class SchemaFingerprint {

    /** The query: one row whose first column is the fingerprint. */
    protected abstract String query();

    /** Reads the fingerprint as {@code connection} sees the catalog now. */
    public final String read(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query())) {
            if (!rs.next()) {
                throw new SQLException("the schema fingerprint query returned no row");
            }
            String fingerprint = rs.getString(1);
            if (fingerprint == null) {
                throw new SQLException("the schema fingerprint query returned null");
            }
            return fingerprint;
        }
    }
}
