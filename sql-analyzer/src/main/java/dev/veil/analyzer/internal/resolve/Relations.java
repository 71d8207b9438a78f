package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;

import net.sf.jsqlparser.schema.Table;

/** Relation names: CTEs, tables, views (through their definitions), system relations, the search path. */
final class Relations {

    private final Resolver r;

    Relations(Resolver r) {
        this.r = r;
    }

    /**
     * A name for a relation a DDL statement creates or changes. Unqualified, it is the relation of that name the
     * search path finds, as the database resolves it (an index, a rename, a comment names an existing table wherever
     * it is on the path; a schema on the path that does not exist yet is not where it lives); else a new relation in
     * the first schema the database creates in.
     */
    TableName newTableName(Table t) {
        if (t.getSchemaName() == null && t.getDatabaseName() == null && t.getName() != null) {
            try {
                return lookup(null, null, r.fold(t.getName())).name();
            } catch (Unsupported e) {
                // no relation of that name: a new one
            }
        }
        String name = r.fold(t.getName());
        String schema = t.getSchemaName() != null ? r.fold(t.getSchemaName())
                : r.catalog.searchPath().isEmpty() ? null : firstCreationSchema();
        String cat = !r.dialect.rules().catalogs() ? null
                : t.getDatabaseName() != null ? r.fold(t.getDatabaseName()) : r.catalog.currentCatalog();
        return new TableName(cat, schema, name);
    }

    String firstCreationSchema() {
        for (String s : r.catalog.searchPath()) {
            if (!s.equals("pg_catalog") && !s.startsWith("pg_temp")) return s;
        }
        return null;
    }

    boolean isSystemSchema(String schema) {
        if (schema == null) return false;
        String s = schema.toLowerCase(Locale.ROOT);
        return r.dialect.rules().isSystemSchema(s);
    }

    RangeVar table(Table t, Scope scope, int depth) {
        r.markTable(t);
        if (t.getFullyQualifiedName().contains("@")) throw new Unsupported("database link");
        if (t.getTimeTravel() != null) throw new Unsupported("time travel clause");
        String rawName = t.getName();
        if (rawName == null) throw new Unsupported("relation without a name");
        String name = r.fold(rawName);
        String schema = t.getSchemaName() == null ? null : r.fold(t.getSchemaName());
        String db = t.getDatabaseName() == null ? null : r.fold(t.getDatabaseName());
        boolean partitions = partitionSelection(t);
        String aliasName = t.getAlias() == null || partitions ? null : r.fold(t.getAlias().getName());
        if (t.getAlias() != null && !partitions
                && t.getAlias().getAliasColumns() != null) throw new Unsupported("column alias list on a table");
        if (schema == null && db == null) {
            List<Col> cte = findCte(scope, name);
            if (cte != null) {
                String n = aliasName != null ? aliasName : name;
                return new RangeVar(n, null, r.dialect.quoteIdentifier(n), cte);
            }
        }
        if (schema == null && db == null && r.dialect.rules().dualTable() && name.equalsIgnoreCase("dual")
                && aliasName == null && !relationExists(name)) {
            // MariaDB's and H2's one-row placeholder table: no columns
            return new RangeVar(name, null, null, new ArrayList<>());
        }
        Relation rel = lookup(db, schema, name);
        TableName tn = rel.name();
        boolean system = isSystemSchema(tn.schema()) || rel.kind() == Relation.Kind.SYSTEM_TABLE;
        if (system) {
            r.draft.hazard(Hazard.Kind.SYSTEM_RELATION, tn.toString());
        }
        r.draft.tablesRead.add(tn);
        List<Col> cols = new ArrayList<>();
        if (rel.kind() == Relation.Kind.VIEW || (rel.kind() == Relation.Kind.MATERIALIZED_VIEW
                && rel.viewDefinition() != null)) {
            ViewInfo vi = r.views.resolve(rel, r.viewDepth + 1);
            if (vi.columns().size() != rel.columns().size()) {
                throw new Unsupported("view " + tn + " definition returns " + vi.columns().size()
                        + " columns, catalog lists " + rel.columns().size());
            }
            r.draft.tablesRead.addAll(vi.reads());
            r.draft.functions.addAll(vi.functions());
            r.draft.hazards.addAll(vi.hazards());
            r.draft.columnUses.addAll(vi.uses());
            for (int i = 0; i < rel.columns().size(); i++) {
                cols.add(new Col(rel.columns().get(i).name(), vi.columns().get(i), ColumnReference.Origin.VIEW));
            }
        } else {
            for (CatalogColumn c : rel.columns()) {
                cols.add(new Col(c.name(), Lin.copyOf(new BaseColumn(tn, c.name())),
                        ColumnReference.Origin.BASE_TABLE));
            }
        }
        // a name the catalog answers with another relation (an H2 synonym) ranges under that relation's name
        boolean renamed = aliasName == null && !tn.name().equals(name);
        String varName = aliasName != null ? aliasName : renamed ? tn.name() : name;
        String qualifier = aliasName != null ? r.dialect.quoteIdentifier(aliasName)
                : renamed ? r.dialect.quoteIdentifier(tn.name()) : t.getFullyQualifiedName();
        return new RangeVar(varName, tn, qualifier, cols);
    }

    /**
     * MariaDB {@code t PARTITION (p0, …)}: rows of some partitions of the same table (the parser reads it as an
     * alias named PARTITION with a column list; PARTITION is a reserved word there, so it cannot be an alias).
     */
    private boolean partitionSelection(Table t) {
        return r.dialect == dev.veil.analyzer.Dialect.MARIADB && t.getAlias() != null && !t.getAlias().isUseAs()
                && t.getAlias().getName().equalsIgnoreCase("PARTITION") && t.getAlias().getAliasColumns() != null;
    }

    boolean relationExists(String name) {
        try {
            lookup(null, null, name);
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    List<Col> findCte(Scope scope, String name) {
        for (Scope s = scope; s != null; s = s.cteParent) {
            List<Col> c = s.ctes.get(name);
            if (c != null) return c;
        }
        return null;
    }

    /** Resolves a relation the parser named: each part folded, then as {@link #lookup(String, String, String)}. */
    Relation lookup(Table t) {
        return lookup(t.getDatabaseName() == null ? null : r.fold(t.getDatabaseName()),
                t.getSchemaName() == null ? null : r.fold(t.getSchemaName()), r.fold(t.getName()));
    }

    /** Resolves a relation name against the catalog: qualified names exactly, unqualified ones along the search path.
*/
    Relation lookup(String db, String schema, String name) {
        if (!r.dialect.rules().catalogs()) {
            if (db != null) throw new Unsupported("three-part name in MariaDB");
            if (schema != null) {
                return r.catalog.relation(null, schema, name).orElseThrow(() -> notFound(schema + "." + name));
            }
            for (String s : r.catalog.searchPath()) {
                Optional<Relation> found = r.catalog.relation(null, s, name);
                if (found.isPresent()) return found.get();
            }
            throw notFound(name);
        }
        if (db != null && r.catalog.currentCatalog() != null && !db.equals(r.catalog.currentCatalog())) {
            throw new Unsupported("cross-database reference " + db + "." + schema + "." + name);
        }
        if (schema != null) {
            return r.catalog.relation(db, schema, name).orElseThrow(() -> notFound(schema + "." + name));
        }
        List<String> path = r.dialect.rules().relationSearchPath(r.catalog.searchPath());
        for (String s : path) {
            Optional<Relation> found = r.catalog.relation(db, s, name);
            if (found.isPresent()) return found.get();
        }
        throw notFound(name);
    }

    static Unsupported notFound(String name) {
        return new Unsupported("relation " + name + " not found");
    }
}
