package dev.veil.analyzer;

import java.util.Objects;

/**
 * A fully resolved relation name. For PostgreSQL and H2 {@code catalog} is the database and {@code schema} the
 * schema; MariaDB has no catalog level, so {@code catalog} is null and {@code schema} is the database.
 */
public record TableName(String catalog, String schema, String name) {
    public TableName {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (catalog != null) b.append(catalog).append('.');
        if (schema != null) b.append(schema).append('.');
        return b.append(name).toString();
    }
}
