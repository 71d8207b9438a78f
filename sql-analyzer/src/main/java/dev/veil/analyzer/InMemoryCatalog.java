package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An immutable catalog held in memory, for tests, benchmarks and the command line. Built with {@link #builder}.
 *
 * <pre>{@code
 * Catalog c = InMemoryCatalog.builder("test-db")
 *         .currentCatalog("app").searchPath("public")
 *         .table("public", "users", "id integer", "email text", "ssn varchar")
 *         .view("public", "v_users", "SELECT id, email FROM users", "id integer", "email text")
 *         .function("public", "my_fn")
 *         .build();
 * }</pre>
 */
public final class InMemoryCatalog implements Catalog {

    private static final AtomicLong VERSIONS = new AtomicLong();

    private final String identity;
    private final long version;
    private final String currentCatalog;
    private final List<String> searchPath;
    private final Map<TableName, Relation> relations;
    private final Set<String> functions;
    private final Set<String> operators;

    private InMemoryCatalog(Builder b) {
        this.identity = b.identity;
        this.version = b.version >= 0 ? b.version : VERSIONS.incrementAndGet();
        this.currentCatalog = b.currentCatalog;
        this.searchPath = List.copyOf(b.searchPath);
        this.relations = Map.copyOf(b.relations);
        this.functions = Set.copyOf(b.functions);
        this.operators = Set.copyOf(b.operators);
    }

    public static Builder builder(String identity) {
        return new Builder(identity);
    }

    @Override public String identity() { return identity; }
    @Override public long version() { return version; }
    @Override public String currentCatalog() { return currentCatalog; }
    @Override public List<String> searchPath() { return searchPath; }

    @Override
    public Optional<Relation> relation(String catalog, String schema, String name) {
        if (catalog != null && !catalog.equals(currentCatalog)) return Optional.empty();
        return Optional.ofNullable(relations.get(new TableName(currentCatalog, schema, name)));
    }

    @Override
    public boolean isUserDefinedFunction(String schema, String name) {
        if (schema != null) return functions.contains(schema + "." + name);
        for (String s : searchPath) {
            if (functions.contains(s + "." + name)) return true;
        }
        return false;
    }

    @Override
    public boolean isUserDefinedOperator(String symbol) {
        return operators.contains(symbol);
    }

    /** All relations, for tools that list them. */
    public List<Relation> relations() {
        return List.copyOf(relations.values());
    }

    public static final class Builder {
        private final String identity;
        private long version = -1;
        private String currentCatalog;
        private final List<String> searchPath = new ArrayList<>();
        private final Map<TableName, Relation> relations = new HashMap<>();
        private final Set<String> functions = new HashSet<>();
        private final Set<String> operators = new HashSet<>();

        private Builder(String identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        /** A fixed version; by default every built catalog gets a fresh one. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder currentCatalog(String catalog) {
            this.currentCatalog = catalog;
            return this;
        }

        public Builder searchPath(String... schemas) {
            searchPath.clear();
            searchPath.addAll(List.of(schemas));
            return this;
        }

        /** A table with columns given as {@code "name type"} in ordinal order, e.g. {@code "email varchar(200)"}. */
        public Builder table(String schema, String name, String... columns) {
            return relation(schema, name, Relation.Kind.TABLE, null, columns);
        }

        public Builder view(String schema, String name, String definition, String... columns) {
            return relation(schema, name, Relation.Kind.VIEW, definition, columns);
        }

        public Builder relation(String schema, String name, Relation.Kind kind, String definition, String... columns) {
            List<CatalogColumn> cols = new ArrayList<>();
            for (String spec : columns) {
                String s = spec.trim();
                int sp = s.indexOf(' ');
                String colName = sp < 0 ? s : s.substring(0, sp);
                String type = sp < 0 ? "varchar" : s.substring(sp + 1).trim();
                cols.add(new CatalogColumn(colName, cols.size() + 1, type, jdbcType(type), Boolean.TRUE, null));
            }
            TableName tn = new TableName(currentCatalog, schema, name);
            relations.put(tn, new Relation(tn, kind, cols, definition));
            return this;
        }

        public Builder function(String schema, String name) {
            functions.add(schema + "." + name);
            return this;
        }

        /** A user-defined operator on the search path. */
        public Builder operator(String symbol) {
            operators.add(symbol);
            return this;
        }

        public InMemoryCatalog build() {
            return new InMemoryCatalog(this);
        }
    }

    /** The {@code java.sql.Types} code for a type name (values inlined: this module has no JDBC dependency). */
    static int jdbcType(String typeName) {
        String t = typeName.toLowerCase(Locale.ROOT).replaceAll("\\(.*", "").trim();
        return switch (t) {
            case "int", "integer", "int4", "mediumint", "serial" -> 4;
            case "smallint", "int2" -> 5;
            case "tinyint" -> -6;
            case "bigint", "int8", "bigserial" -> -5;
            case "numeric", "decimal" -> 2;
            case "real", "float4" -> 7;
            case "float", "double", "double precision", "float8" -> 8;
            case "boolean", "bool" -> 16;
            case "date" -> 91;
            case "time" -> 92;
            case "timestamp", "datetime" -> 93;
            case "timestamptz", "timestamp with time zone" -> 2014;
            case "char", "character", "bpchar" -> 1;
            case "bytea", "blob", "varbinary", "binary" -> -3;
            case "text", "clob", "longtext", "mediumtext" -> -1;
            default -> 12;
        };
    }
}
