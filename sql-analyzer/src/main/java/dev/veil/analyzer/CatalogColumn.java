package dev.veil.analyzer;

import java.util.Objects;

/**
 * A column as the catalog reports it: exact name, 1-based ordinal position, database type name, {@code java.sql.Types}
 * code (an int, so this module stays free of JDBC), nullability (null when unknown) and comment (may be null).
 */
public record CatalogColumn(String name, int ordinal, String typeName, int jdbcType, Boolean nullable, String comment) {
    public CatalogColumn {
        Objects.requireNonNull(name, "name");
        if (ordinal < 1) throw new IllegalArgumentException("ordinal must be >= 1");
    }
}
