package dev.veil.analyzer.internal.crosscheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.CrossCheck;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.Fingerprint;
import dev.veil.analyzer.OutputColumn;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.internal.StatementDraft;

import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * A second opinion on lineage from Apache Calcite: the query is parsed with Calcite's Babel parser, validated
 * against a schema built from the same catalog and converted to relational algebra, and
 * {@link RelMetadataQuery#getColumnOrigins} gives each output's origins. Calcite is never the only parser: it runs
 * only on statements the analyzer already understood, and where it cannot parse or validate a statement (several
 * PostgreSQL and MariaDB forms) the check is simply not applicable.
 *
 * <p>Where Calcite names a source the analyzer did not, the analysis takes the union and records the disagreement.
 */
public final class CalciteCrossCheck {

    /**
     * Calcite's answer for a statement shape. Lineage does not depend on literal values, so statements that differ
     * only in literals (Spark partition reads) share one Calcite run: the key is the fingerprint.
     */
    private record Key(String fingerprint, Dialect dialect, String catalog, long version) { }

    private record Answer(List<Set<BaseColumn>> origins, String failure) { }

    private final ConcurrentHashMap<Key, Answer> answers = new ConcurrentHashMap<>();
    private final int maxAnswers;

    public CalciteCrossCheck(int maxAnswers) {
        this.maxAnswers = Math.max(16, maxAnswers);
    }

    public CrossCheck check(Dialect dialect, Catalog catalog, StatementDraft d, Fingerprint fp) {
        return check(dialect, catalog, d.text, d.tablesRead, d.outputs, fp);
    }

    /**
     * Checks the lineage of one query.
     *
     * @param text       the statement's text
     * @param tablesRead the relations the analysis found it reads: Calcite may name origins among these only
     * @param outputs    the analysis's outputs, in order; where Calcite names a source they lack, the output is
     *                   replaced by one with the union of both
     */
    public CrossCheck check(Dialect dialect, Catalog catalog, String text, java.util.Collection<TableName> tablesRead,
                            List<OutputColumn> outputs, Fingerprint fp) {
        Map<TableName, Relation> relations = new LinkedHashMap<>();
        for (TableName t : tablesRead) {
            Optional<Relation> r = catalog.relation(t.catalog(), t.schema(), t.name());
            if (r.isEmpty()) return CrossCheck.notApplicable("relation not in catalog");
            if (r.get().kind() != Relation.Kind.TABLE) return
                    CrossCheck.notApplicable("reads a view or system relation");
            relations.put(t, r.get());
        }
        Key key = new Key(fp.hash(), dialect, catalog.identity(), catalog.version());
        Answer answer = answers.get(key);
        if (answer == null) {
            try {
                List<Set<BaseColumn>> o = origins(text, dialect, relations, catalog.searchPath());
                answer = o == null ? new Answer(null, "Calcite cannot name the origins") : new Answer(o, null);
            } catch (Exception | AssertionError | StackOverflowError e) {
                answer = new Answer(null, "Calcite: " + e.getClass().getSimpleName());
            }
            if (answers.size() >= maxAnswers) answers.clear();
            answers.put(key, answer);
        }
        if (answer.failure() != null) return CrossCheck.notApplicable(answer.failure());
        List<Set<BaseColumn>> calcite = answer.origins();
        if (calcite.size() != outputs.size()) return
                CrossCheck.notApplicable("Calcite sees a different column count");
        List<CrossCheck.Disagreement> disagreements = new ArrayList<>();
        for (int i = 0; i < calcite.size(); i++) {
            Set<BaseColumn> theirs = calcite.get(i);
            if (theirs == null) continue;
            OutputColumn ours = outputs.get(i);
            if (ours.sources().containsAll(theirs)) continue;
            disagreements.add(new CrossCheck.Disagreement(i, ours.label(), ours.sources(), theirs));
            TreeSet<BaseColumn> union = new TreeSet<>(ours.sources());
            union.addAll(theirs);
            outputs.set(i, new OutputColumn(ours.label(), union, true));
        }
        return new CrossCheck(disagreements.isEmpty() ? CrossCheck.Status.AGREED : CrossCheck.Status.DISAGREED, null,
                disagreements);
    }

    /**
     * Calcite's origins of each output column; an element is null where Calcite cannot tell.
     *
     * @param relations  the relations the statement reads, in the order the analysis found them
     * @param searchPath the schemas unqualified names are looked up in (the first one Calcite knows is the default)
     */
    public static List<Set<BaseColumn>> origins(String sql, Dialect dialect, Map<TableName, Relation> relations,
                                         List<String> searchPath) throws Exception {
        SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
        Map<List<String>, TableName> byPath = new HashMap<>();
        for (Map.Entry<TableName, Relation> e : relations.entrySet()) {
            TableName t = e.getKey();
            Relation rel = e.getValue();
            SchemaPlus schema = sub(root, t.schema());
            schema.add(t.name(), new CatalogTable(rel));
            byPath.put(List.of(t.schema(), t.name()), t);
            if (t.catalog() != null) {
                sub(sub(root, t.catalog()), t.schema()).add(t.name(), new CatalogTable(rel));
                byPath.put(List.of(t.catalog(), t.schema(), t.name()), t);
            }
        }
        SchemaPlus defaultSchema = root;
        for (String s : searchPath) {
            SchemaPlus sp = root.subSchemas().get(s);
            if (sp != null) {
                defaultSchema = sp;
                break;
            }
        }
        FrameworkConfig config = Frameworks.newConfigBuilder()
                .parserConfig(parserConfig(dialect))
                .defaultSchema(defaultSchema)
                .build();
        Planner planner = Frameworks.getPlanner(config);
        try {
            SqlNode parsed = planner.parse(sql);
            SqlNode validated = planner.validate(parsed);
            RelNode rel = planner.rel(validated).project();
            RelMetadataQuery mq = rel.getCluster().getMetadataQuery();
            List<Set<BaseColumn>> out = new ArrayList<>();
            for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
                Set<RelColumnOrigin> origins = mq.getColumnOrigins(rel, i);
                if (origins == null) {
                    out.add(null);
                    continue;
                }
                Set<BaseColumn> cols = new TreeSet<>();
                for (RelColumnOrigin o : origins) {
                    RelOptTable t = o.getOriginTable();
                    TableName tn = byPath.get(t.getQualifiedName());
                    if (tn == null) return null;
                    String col = t.getRowType().getFieldList().get(o.getOriginColumnOrdinal()).getName();
                    cols.add(new BaseColumn(tn, col));
                }
                out.add(cols);
            }
            return out;
        } finally {
            planner.close();
        }
    }

    private static SchemaPlus sub(SchemaPlus parent, String name) {
        SchemaPlus s = parent.subSchemas().get(name);
        return s != null ? s : parent.add(name, new org.apache.calcite.schema.impl.AbstractSchema());
    }

    private static SqlParser.Config parserConfig(Dialect dialect) {
        SqlParser.Config c = SqlParser.config()
                .withParserFactory(SqlBabelParserImpl.FACTORY)
                .withConformance(SqlConformanceEnum.BABEL);
        return dialect.rules().calciteParser(c);
    }

    /** A catalog relation as a Calcite table: only its row type matters, it is never scanned. */
    private static final class CatalogTable extends AbstractTable {
        private final Relation relation;

        CatalogTable(Relation relation) {
            this.relation = relation;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataTypeFactory.Builder b = f.builder();
            for (CatalogColumn c : relation.columns()) {
                b.add(c.name(), f.createTypeWithNullability(f.createSqlType(type(c.jdbcType())), true));
            }
            return b.build();
        }

        private static SqlTypeName type(int jdbc) {
            return switch (jdbc) {
                case 4 -> SqlTypeName.INTEGER;
                case -5 -> SqlTypeName.BIGINT;
                case 5 -> SqlTypeName.SMALLINT;
                case -6 -> SqlTypeName.TINYINT;
                case 2, 3 -> SqlTypeName.DECIMAL;
                case 7 -> SqlTypeName.REAL;
                case 6, 8 -> SqlTypeName.DOUBLE;
                case 16, -7 -> SqlTypeName.BOOLEAN;
                case 91 -> SqlTypeName.DATE;
                case 92 -> SqlTypeName.TIME;
                case 93, 2014 -> SqlTypeName.TIMESTAMP;
                case 1 -> SqlTypeName.CHAR;
                case -2, -3, -4 -> SqlTypeName.VARBINARY;
                default -> SqlTypeName.VARCHAR;
            };
        }
    }
}
