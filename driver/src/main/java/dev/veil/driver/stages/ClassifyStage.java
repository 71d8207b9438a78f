package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.ColumnUse;
import dev.veil.analyzer.CrossCheck;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.OutputColumn;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.SqlAnalyzer;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.WholeRowReference;
import dev.veil.analyzer.WriteFlow;
import dev.veil.driver.catalog.DatabaseCatalog;
import dev.veil.driver.catalog.RelativeClasses;
import dev.veil.driver.catalog.SessionCatalog;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.GeneratedKeys;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.policy.ColumnInfo;
import dev.veil.policy.SensitiveClass;
import dev.veil.policy.classify.Classification;
import dev.veil.policy.classify.Classifier;
import dev.veil.policy.mask.ValueType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 2: which base columns the statement touches are sensitive, of which class, and where the class came from.
 * Tables are classified once per catalog version (policy rules, comment tags, name heuristics, samples when the
 * policy asks for them); this stage only looks the answers up.
 */
public final class ClassifyStage implements Stage {

    private final SqlAnalyzer analyzer;

    /** @param analyzer the analyzer that made the plan's analysis, which runs the cross-checks it deferred */
    public ClassifyStage(SqlAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Phase phase() {
        return Phase.PLANNING;
    }

    @Override
    public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
        Optional<Analysis> analysis = plan.analysis();
        plan.exempt(session.exempt());
        session.engine().ifPresent(e -> plan.generatedKeysAreAutoIncrementOnly(e.generatedKeysAreAutoIncrementOnly()));
        if (analysis.isEmpty() || analysis.get().isUnknown()) {
            return;
        }
        TableLookups lookups = new TableLookups(session);
        for (StatementAnalysis s : analysis.get().statements()) {
            Set<TableName> tables = new LinkedHashSet<>(s.tablesRead());
            tables.addAll(s.tablesWritten());
            for (TableName table : tables) {
                if (!lookups.of(table).classes().isEmpty()) {
                    plan.sensitiveTable(table);
                }
            }
            if (s.kind() == dev.veil.analyzer.StatementKind.DML) {
                for (TableName table : s.tablesWritten()) {
                    lookups.of(table).written().ifPresent(w -> plan.writtenTable(table, w));
                }
            }
        }
        markUntrustedReads(session, plan, analysis.get());
        Set<BaseColumn> touched = touchedColumns(crossChecked(session, plan, analysis.get(), lookups));
        // every table is classified before any column is marked: a refusal while classifying reports none
        for (BaseColumn column : touched) {
            lookups.of(column.table());
        }
        for (BaseColumn column : touched) {
            KnownTable table = lookups.of(column.table());
            Classification found = find(table.classes(), column.column(), session);
            if (found == null) {
                continue;
            }
            SensitiveClass sensitiveClass = session.policy().sensitiveClass(found.classId()).orElseThrow();
            plan.sensitive(column, new StatementPlan.Sensitivity(found.classId(), sensitiveClass,
                    found.source().name(), found.evidence(), valueType(table.relation().orElseThrow(),
                    column.column(), session)));
        }
    }

    /**
     * The analysis with Calcite's second opinion on its lineage ({@code SqlAnalyzer#crossCheck}, which the analyzer
     * defers to here) wherever that opinion could change what this stage finds: the opinion only ever adds, to a
     * query's outputs, columns of the tables the analysis found the query reads, so it matters only for a query that
     * reads a sensitive column the analysis does not already find it touches. Everywhere else it cannot change the
     * sensitive columns, hence any decision, and Calcite's cost is saved.
     */
    private Analysis crossChecked(Session session, StatementPlan.Builder plan, Analysis analysis,
                                  TableLookups lookups) throws SQLException {
        if (!opinionMayAdd(analysis, lookups, session)) {
            return analysis;
        }
        Analysis checked;
        try {
            checked = analyzer.crossCheck(analysis, session.tracker().catalog());
        } catch (RuntimeException e) { // a catalog that cannot be read, or a defect: fail closed
            throw VeilErrors.refused("cannot cross-check the statement's lineage (" + e.getClass().getSimpleName()
                    + "); the statement was not run");
        }
        plan.analysis(checked);
        return checked;
    }

    /** Whether a deferred cross-check could add a sensitive column to those the statement touches. */
    private static boolean opinionMayAdd(Analysis analysis, TableLookups lookups, Session session)
            throws SQLException {
        Set<BaseColumn> touched = null;
        for (StatementAnalysis s : analysis.statements()) {
            if (s.crossCheck().status() != CrossCheck.Status.DEFERRED) {
                continue;
            }
            for (TableName table : s.tablesRead()) {
                Map<String, Classification> classes = lookups.of(table).classes();
                if (classes.isEmpty()) {
                    continue;
                }
                touched = touched != null ? touched : touchedColumns(analysis);
                for (String column : classes.keySet()) {
                    if (!touches(touched, table, column, session)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean touches(Set<BaseColumn> touched, TableName table, String column, Session session) {
        Dialect dialect = session.engine().orElseThrow().sqlDialect();
        for (BaseColumn c : touched) {
            if (c.table().equals(table) && (c.column().equals(column) || dialect.sameColumnName(column, c.column()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A table as one plan sees it: its definition, when the catalog knows it, and its sensitive columns by name —
     * none for a table the catalog does not know (one the statement creates) or for system metadata.
     */
    private record KnownTable(Optional<Relation> relation, Map<String, Classification> classes) {

        /** A written table's columns in order, and which are sensitive (for generated keys). */
        Optional<GeneratedKeys.WrittenTable> written() {
            return relation.map(r -> new GeneratedKeys.WrittenTable(
                    r.columns().stream().map(CatalogColumn::name).toList(), classes.keySet()));
        }
    }

    /** Looks each table up in the catalog, and its classification up in the cache, once per plan. */
    private static final class TableLookups {
        private final Session session;
        private final SessionCatalog catalog;
        private final Map<TableName, KnownTable> known = new HashMap<>();

        TableLookups(Session session) throws SQLException {
            this.session = session;
            this.catalog = session.tracker().catalog();
        }

        KnownTable of(TableName table) throws SQLException {
            KnownTable found = known.get(table);
            if (found == null) {
                found = lookUp(table);
                known.put(table, found);
            }
            return found;
        }

        private KnownTable lookUp(TableName table) throws SQLException {
            Optional<Relation> relation = catalog.relation(table.catalog(), table.schema(), table.name());
            if (relation.isEmpty() || relation.get().kind() == Relation.Kind.SYSTEM_TABLE) {
                return new KnownTable(relation, Map.of());
            }
            return new KnownTable(relation, session.database().classification(catalog.database().identity(), table,
                    catalog.version(), () -> classify(session, table, relation.get())));
        }
    }

    /** The first untrusted column (policy {@code untrusted}) the statement reads; running it marks the session. */
    private static void markUntrustedReads(Session session, StatementPlan.Builder plan, Analysis analysis) {
        Set<BaseColumn> read = touchedColumns(analysis);
        for (StatementAnalysis s : analysis.statements()) {
            for (WriteFlow f : s.writeFlows()) {
                if (!f.sources().contains(f.target())) {
                    read.remove(f.target()); // written, not read
                }
            }
        }
        for (BaseColumn column : read) {
            TableName table = column.table();
            if (session.policy().isUntrusted(ColumnInfo.of(table.schema(), table.name(), column.column(),
                    ValueType.OTHER))) {
                plan.readsUntrusted(column.toString());
                return;
            }
        }
    }

    /** Every base column the statement reads, writes, filters, groups or orders by. */
    static Set<BaseColumn> touchedColumns(Analysis analysis) {
        Set<BaseColumn> touched = new LinkedHashSet<>();
        for (StatementAnalysis s : analysis.statements()) {
            for (ColumnReference r : s.columnReferences()) {
                touched.addAll(r.sources());
            }
            for (OutputColumn o : s.outputColumns()) {
                touched.addAll(o.sources());
            }
            for (WriteFlow f : s.writeFlows()) {
                touched.addAll(f.sources());
                touched.add(f.target());
            }
            for (ColumnUse u : s.columnUses()) {
                touched.addAll(u.sources());
            }
            for (WholeRowReference w : s.wholeRowReferences()) {
                touched.addAll(w.sources());
            }
        }
        return touched;
    }

    private static Classification find(Map<String, Classification> classes, String column, Session session) {
        Classification exact = classes.get(column);
        if (exact != null) {
            return exact;
        }
        Dialect dialect = session.engine().orElseThrow().sqlDialect();
        for (Map.Entry<String, Classification> e : classes.entrySet()) {
            if (dialect.sameColumnName(e.getKey(), column)) { // MariaDB column names ignore case
                return e.getValue();
            }
        }
        return null;
    }

    private static ValueType valueType(Relation relation, String column, Session session) {
        for (CatalogColumn c : relation.columns()) {
            if (session.engine().orElseThrow().sqlDialect().sameColumnName(c.name(), column)) {
                return ValueType.of(c.typeName(), c.jdbcType());
            }
        }
        return ValueType.OTHER;
    }

    /**
     * A table's classes: its own, and for each column none of its own sources made sensitive, the class of the
     * same column in a relation sharing its stored rows (a partition's root, an inheritance parent or child, the
     * table behind a synonym — {@link RelativeClasses}), so a rule protects the values wherever they are read from.
     */
    private static Map<String, Classification> classify(Session session, TableName table, Relation relation)
            throws SQLException {
        Map<String, Classification> own = classifyOwn(session, table, relation);
        SessionCatalog catalog = session.tracker().catalog();
        try {
            return RelativeClasses.merge(own, relation, catalog.relatives(table), relative -> {
                Optional<Relation> found = catalog.relation(relative.catalog(), relative.schema(), relative.name());
                return found.isEmpty() || found.get().kind() == Relation.Kind.SYSTEM_TABLE ? Map.of()
                        : classifyOwn(session, relative, found.get());
            }, session.engine().orElseThrow().sqlDialect()::sameColumnName);
        } catch (DatabaseCatalog.CatalogException e) {
            throw VeilErrors.refused("cannot read the relations sharing the rows of " + table + " to classify its"
                    + " columns; the statement was not run");
        }
    }

    private static Map<String, Classification> classifyOwn(Session session, TableName table, Relation relation)
            throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        for (CatalogColumn c : relation.columns()) {
            columns.add(new ColumnInfo(table.schema(), table.name(), c.name(), c.typeName(),
                    ValueType.of(c.typeName(), c.jdbcType()), c.comment()));
        }
        try {
            // a view's columns take their classes from the columns they are computed from (lineage); sampling a
            // view would give its columns classes of their own that outlive a redefinition of the view
            return new Classifier(session.policy()).classifyTable(columns, relation.isView() ? null
                    : (undecided, rows) -> sample(session, table, undecided, rows));
        } catch (Classifier.SamplingException e) {
            throw VeilErrors.refused("cannot sample " + table + " to classify its columns (rule: detect.sample);"
                    + " the statement was not run: grant the user SELECT on the table, classify its text columns with"
                    + " rules (columns:) or comment tags, or turn sampling off in the policy (detect: { sample: {"
                    + " rows: 0 } })");
        }
    }

    /** Up to {@code rows} values of each column, read once per table when the policy asks for content detection. */
    private static Map<String, List<?>> sample(Session session, TableName table, List<ColumnInfo> columns, int rows)
            throws SQLException {
        Engine engine = session.engine().orElseThrow();
        var dialect = engine.sqlDialect();
        String select = columns.stream().map(c -> dialect.quoteIdentifier(c.name())).collect(Collectors.joining(", "));
        String from = (table.schema() == null ? "" : dialect.quoteIdentifier(table.schema()) + ".")
                + dialect.quoteIdentifier(table.name());
        String sql = "SELECT " + select + " FROM " + from + " LIMIT " + rows;
        return engine.runInternal(session.vendor(), c -> {
            Map<String, List<Object>> values = new HashMap<>();
            columns.forEach(col -> values.put(col.name(), new ArrayList<>()));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        values.get(columns.get(i).name()).add(rs.getString(i + 1));
                    }
                }
            }
            return new HashMap<>(values);
        });
    }
}
