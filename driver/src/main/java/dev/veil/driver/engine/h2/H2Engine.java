package dev.veil.driver.engine.h2;

import dev.veil.analyzer.Dialect;
import dev.veil.driver.engine.AllowedSettings;
import dev.veil.driver.engine.CatalogReader;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.engine.RowEstimator;
import dev.veil.driver.engine.SchemaFingerprint;
import dev.veil.driver.engine.SessionState;
import dev.veil.driver.engine.SystemObjects;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.MaskDialects;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** H2 in its regular mode. */
public final class H2Engine extends Engine {

    private final CatalogReader catalog = new H2Catalog();
    private final RowEstimator rowEstimator = new H2RowEstimator();
    private final SchemaFingerprint fingerprint = new H2Fingerprint();

    @Override
    public String name() {
        return "h2";
    }

    @Override
    protected boolean acceptsUrl(String url) {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    protected boolean isProduct(String productName) {
        return productName.equals("h2");
    }

    @Override
    public Dialect sqlDialect() {
        return Dialect.H2;
    }

    @Override
    public MaskDialect maskDialect() {
        return MaskDialects.H2;
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
        return H2Settings.ALLOWED;
    }

    @Override
    public SystemObjects systemObjects() {
        return H2SystemObjects.FORBIDDEN;
    }

    /** The regular mode, and names folded to upper case as it does by default. */
    @Override
    protected SessionState readState(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CURRENT_USER, DATABASE(), SCHEMA(),"
                     + " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'),"
                     +
                             " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = "
                                     + "'DATABASE_TO_UPPER'),"
                     +
                             " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = "
                                     + "'DATABASE_TO_LOWER'),"
                     + " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + "   WHERE SETTING_NAME = 'CASE_INSENSITIVE_IDENTIFIERS')")) {
            rs.next();
            String mode = rs.getString(4);
            requireDefault(mode == null || mode.equalsIgnoreCase("REGULAR"), "H2 runs in compatibility mode " + mode);
            requireDefault(!"FALSE".equalsIgnoreCase(rs.getString(5)), "H2 DATABASE_TO_UPPER is off");
            requireDefault(!"TRUE".equalsIgnoreCase(rs.getString(6)), "H2 DATABASE_TO_LOWER is on");
            requireDefault(!"TRUE".equalsIgnoreCase(rs.getString(7)), "H2 CASE_INSENSITIVE_IDENTIFIERS is on");
            return new SessionState(rs.getString(1), rs.getString(2), List.of(rs.getString(3)));
        }
    }
}
