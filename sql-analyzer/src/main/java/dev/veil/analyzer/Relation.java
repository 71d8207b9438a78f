package dev.veil.analyzer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relation the catalog knows: its resolved name, kind, columns in ordinal order and, for views, the defining
 * query text as the database reports it.
 */
public record Relation(TableName name, Kind kind, List<CatalogColumn> columns, String viewDefinition) {

    public enum Kind { TABLE, VIEW, MATERIALIZED_VIEW, SYSTEM_TABLE, OTHER }

    public Relation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).ordinal() != i + 1) {
                throw new IllegalArgumentException("columns of " + name + " must be in ordinal order 1..n");
            }
        }
    }

    public boolean isView() {
        return kind == Kind.VIEW;
    }

    public Optional<String> definition() {
        return Optional.ofNullable(viewDefinition);
    }
}
