package dev.veil.driver.engine.postgresql;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.PinnedColumns;
import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.CatalogReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PostgreSQL's catalog: views and materialized views in pg_catalog, functions in pg_proc. */
final class PostgreSqlCatalog extends CatalogReader {

    /** PostgreSQL cannot reach another database by name. */
    @Override
    public boolean reachable(TableName relation, String currentCatalog) {
        return relation.catalog() == null || relation.catalog().equals(currentCatalog);
    }

    @Override
    protected boolean systemSchema(String schema) {
        return schema.equals("pg_catalog") || schema.equals("information_schema");
    }

    @Override
    protected String viewDefinitionQuery() {
        return "SELECT definition FROM pg_catalog.pg_views WHERE schemaname = ?::pg_catalog.text"
                + " AND viewname = ?::pg_catalog.text UNION ALL SELECT definition FROM pg_catalog.pg_matviews"
                + " WHERE schemaname = ?::pg_catalog.text AND matviewname = ?::pg_catalog.text";
    }

    @Override
    protected void bindViewDefinition(PreparedStatement query, TableName view) throws SQLException {
        super.bindViewDefinition(query, view);
        query.setString(3, view.schema());
        query.setString(4, view.name());
    }

    /**
     * Inheritance parents and children at any depth (declarative partitions are children of their partitioned
     * table): a child's rows are read through its parents, and a parent's columns are its children's.
     */
    @Override
    public List<TableName> relatives(Connection c, TableName relation) throws SQLException {
        return relationsOf(c, RELATIVES, relation);
    }

    private static final String RELATIVES = "WITH RECURSIVE self AS (SELECT c.oid FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?::pg_catalog.text"
            + " AND c.relname = ?::pg_catalog.text),"
            + " up(oid) AS (SELECT i.inhparent FROM pg_catalog.pg_inherits i JOIN self ON i.inhrelid = self.oid"
            + " UNION SELECT i.inhparent FROM pg_catalog.pg_inherits i JOIN up ON i.inhrelid = up.oid),"
            + " down(oid) AS (SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN self ON i.inhparent = self.oid"
            + " UNION SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN down ON i.inhparent = down.oid)"
            + " SELECT n.nspname, c.relname FROM (SELECT oid FROM up UNION SELECT oid FROM down) r"
            + " JOIN pg_catalog.pg_class c ON c.oid = r.oid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'f') ORDER BY 1, 2";

    /**
     * Functions and parameter types named as {@code pg_catalog}'s: a user's {@code lower(name)} or {@code =(name,
     * varchar)} would otherwise answer here, a better match for these arguments than the built-ins, and hide every
     * user-defined function.
     */
    @Override
    protected String functionQuery(boolean qualified) {
        return "SELECT pg_catalog.count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = p.pronamespace WHERE pg_catalog.lower(p.proname::pg_catalog.text)"
                + " = pg_catalog.lower(?::pg_catalog.text) AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + (qualified ? " AND n.nspname = ?::pg_catalog.text"
                        : " AND n.nspname = ANY (pg_catalog.current_schemas(false))");
    }

    /**
     * {@code CREATE OPERATOR} in a schema on the search path, which runs the user's function for its operands. An
     * extension's operators (citext's, hstore's {@code =}) are left out: their code is the server's installed
     * extension, as the built-ins' is, and counting them would refuse every comparison in such databases.
     */
    @Override
    public boolean isUserDefinedOperator(Connection c, String symbol) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_catalog.count(*) FROM pg_catalog.pg_operator o"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace WHERE o.oprname = ?::pg_catalog.text"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + " AND n.nspname = ANY (pg_catalog.current_schemas(false)) AND NOT EXISTS (SELECT 1 FROM"
                + " pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_operator'::pg_catalog.regclass"
                + " AND d.objid = o.oid AND d.deptype = 'e')")) {
            p.setString(1, symbol);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Unique indexes (primary keys and unique constraints among them) that hold for every row at every moment: valid,
     * not deferrable, without predicate or expression, each key column in its own collation and its type's default
     * operator class (the equality a query compares with), on a relation without inheritance children (a parent's
     * index does not cover their rows; a partitioned table's does).
     */
    private static final String UNIQUE_KEYS = "SELECT i.indexrelid::bigint, a.attname,"
            + " k.coll = a.attcollation AND o.opcdefault AND NOT (c.relkind <> 'p' AND EXISTS (SELECT 1 FROM"
            + " pg_catalog.pg_inherits h WHERE h.inhparent = c.oid))"
            + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
            + " CROSS JOIN LATERAL unnest(i.indkey::int2[], i.indcollation::oid[], i.indclass::oid[])"
            + " WITH ORDINALITY AS k(attnum, coll, opclass, n)"
            + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " LEFT JOIN pg_catalog.pg_opclass o ON o.oid = k.opclass"
            + " WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indisvalid AND i.indimmediate"
            + " AND i.indpred IS NULL AND i.indexprs IS NULL AND k.n <= i.indnkeyatts ORDER BY 1, k.n";

    @Override
    public List<List<String>> uniqueKeys(Connection c, TableName table) throws SQLException {
        Map<Long, List<String>> keys = new LinkedHashMap<>();
        Set<Long> excluded = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement(UNIQUE_KEYS)) {
            Dialect d = Dialect.POSTGRESQL;
            p.setString(1, d.quoteIdentifier(table.schema()) + "." + d.quoteIdentifier(table.name()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long index = rs.getLong(1);
                    String column = rs.getString(2);
                    if (column == null || !rs.getBoolean(3)) {
                        excluded.add(index);
                    }
                    keys.computeIfAbsent(index, i -> new ArrayList<>()).add(column);
                }
            }
        }
        excluded.forEach(keys::remove);
        return keys.values().stream().map(List::copyOf).toList();
    }

    /**
     * A number is a numeric constant here, compared exactly with any integer or numeric column. A parameter pins no
     * character column: bound as {@code bpchar} ({@code setObject(i, s, Types.CHAR)}) it is compared as {@code
     * bpchar}, which ignores trailing spaces — {@code 'a'} then equals the distinct key values {@code 'a'}, {@code
     * 'a '}, {@code 'a  '} of a {@code varchar} or {@code text} key.
     */
    @Override
    public boolean pinsOneKeyValue(CatalogColumn column, PinnedColumns.Literal literal) {
        int type = column.jdbcType();
        return super.pinsOneKeyValue(column, literal) || literal == PinnedColumns.Literal.NUMBER
                && (type == Types.BIGINT || type == Types.NUMERIC || type == Types.DECIMAL);
    }
}
