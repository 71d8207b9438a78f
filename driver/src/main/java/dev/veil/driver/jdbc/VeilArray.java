package dev.veil.driver.jdbc;

import dev.veil.driver.pipeline.Withholding;
import dev.veil.jdbc.delegation.JdbcWrapper;
import dev.veil.jdbc.delegation.TranslatesErrors;
import dev.veil.jdbc.delegation.WrapsReturned;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A vendor array behind Veil: its result sets (whose statement leads to the vendor connection) are Veil's. */
@JdbcWrapper(Array.class)
public abstract class VeilArray implements Array {

    protected final Array delegate;
    private final VeilConnection connection;

    VeilArray(Array delegate, VeilConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    static Array of(Array array, VeilConnection connection) {
        return array == null || array instanceof VeilArray ? array : new VeilArrayImpl(array, connection);
    }

    /** Errors here concern no statement Veil analyzed: they come without their text. */
    @TranslatesErrors
    SQLException translate(SQLException error) {
        return Withholding.error(null, error, "reading an array");
    }

    /** The vendor's own array for a value bound to a vendor statement: vendor drivers only bind arrays they made. */
    /** The vendor's own array for a value bound to a vendor statement: vendor drivers only bind arrays they made. */
    static Object vendorValue(Object value) {
        return value instanceof VeilArray veil ? veil.delegate : value;
    }

    @WrapsReturned
    ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new VeilResultSetImpl(resultSet, null, connection, null);
    }
}
