package dev.veil.driver.jdbc;

import dev.veil.driver.config.VeilUrl;
import dev.veil.driver.pipeline.Withholding;
import dev.veil.jdbc.delegation.JdbcWrapper;
import dev.veil.jdbc.delegation.TranslatesErrors;
import dev.veil.jdbc.delegation.WrapsReturned;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Vendor metadata behind Veil: the result sets it returns and its connection are Veil's. */
@JdbcWrapper(DatabaseMetaData.class)
public abstract class VeilDatabaseMetaData implements DatabaseMetaData {

    protected final DatabaseMetaData delegate;
    private final VeilConnection connection;

    VeilDatabaseMetaData(DatabaseMetaData delegate, VeilConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    /** Errors here concern no statement Veil analyzed: they come without their text. */
    @TranslatesErrors
    SQLException translate(SQLException error) {
        return Withholding.error(null, error, "reading database metadata");
    }

    @WrapsReturned
    ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new VeilResultSetImpl(resultSet, null, connection, null);
    }

    /** The URL as the caller wrote it: through Veil, not around it. */
    @Override
    public String getURL() throws SQLException {
        try {
            return VeilUrl.wrapping(delegate.getURL());
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, connection.session());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, connection.session());
    }
}
