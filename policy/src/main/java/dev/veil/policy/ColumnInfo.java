package dev.veil.policy;

import dev.veil.policy.mask.ValueType;
import java.util.Objects;

/**
 * A catalog column as masking sees it, independent of JDBC.
 *
 * @param schema    schema (or database, on MariaDB); may be null when unknown
 * @param table     table name
 * @param name      column name
 * @param typeName  the database's type name, e.g. {@code varchar}, {@code jsonb}; may be null
 * @param valueType the value family, see {@link ValueType#of(String, int)}
 * @param comment   the column comment; may be null
 */
public record ColumnInfo(String schema, String table, String name, String typeName, ValueType valueType,
                         String comment) {

    public ColumnInfo {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
    }

    public static ColumnInfo of(String schema, String table, String name, ValueType valueType) {
        return new ColumnInfo(schema, table, name, null, valueType, null);
    }

    public ColumnInfo withComment(String newComment) {
        return new ColumnInfo(schema, table, name, typeName, valueType, newComment);
    }
}
