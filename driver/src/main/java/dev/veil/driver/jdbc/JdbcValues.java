package dev.veil.driver.jdbc;

import java.sql.Array;
import java.sql.ResultSet;

/**
 * Column and OUT-parameter values that are JDBC objects lead back to the vendor driver (a PostgreSQL refcursor comes
 * back as a result set, an array's result set knows its statement): they are handed out wrapped.
 */
final class JdbcValues {

    private JdbcValues() {
    }

    static Object wrap(Object value, VeilConnection connection) {
        if (value instanceof ResultSet resultSet) {
            return new VeilResultSetImpl(resultSet, null, connection, null);
        }
        if (value instanceof Array array) {
            return VeilArray.of(array, connection);
        }
        return value;
    }
}
