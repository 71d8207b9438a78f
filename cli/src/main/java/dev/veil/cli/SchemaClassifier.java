package dev.veil.cli;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.Engine;
import dev.veil.policy.ColumnInfo;
import dev.veil.policy.DetectSettings;
import dev.veil.policy.Policy;
import dev.veil.policy.classify.Classification;
import dev.veil.policy.classify.Classifier;
import dev.veil.policy.mask.ValueType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Classifies every stored table of a database as the driver would, with every source on: the policy's rules, comment
 * tags, name heuristics, and content samples read once per table. The policy module's {@link Classifier} decides;
 * this class only lists the tables (through the engine's catalog reader) and reads the samples.
 */
final class SchemaClassifier {

    /** One column and what classified it; {@code classification} is null for a column that looks not sensitive. */
    record Finding(TableName table, ColumnInfo column, Classification classification) {

        /** A column that looks sensitive while no rule or comment tag of the policy says what it is. */
        boolean uncovered() {
            return classification != null && (classification.source() == Classification.Source.NAME
                    || classification.source() == Classification.Source.SAMPLE);
        }
    }

    /** The findings in table and column order, and the tables whose samples could not be read. */
    record Result(int tables, List<Finding> findings, List<String> problems) {

        List<Finding> uncovered() {
            return findings.stream().filter(Finding::uncovered).toList();
        }
    }

    /** Told the number of tables once, then of each table done. */
    interface Progress {
        void start(int tables);

        void tableDone();
    }

    private final Engine engine;
    private final Classifier classifier;

    /**
     * @param sampleRows rows sampled per table (0: no data is read); the policy's own sampling setting is not used,
     *                   since the point is to find what its settings would miss
     */
    SchemaClassifier(Engine engine, Policy policy, int sampleRows) {
        this.engine = engine;
        DetectSettings everything = new DetectSettings(true, true, sampleRows, policy.detect().sampleThreshold());
        this.classifier = new Classifier(new Policy(policy.version(), policy.classes(), policy.columns(), everything,
                policy.exemptUsers(), policy.approvals(), policy.trustedRoutines()));
    }

    Result classify(Connection c, String schema, Progress progress) throws SQLException {
        List<Relation> tables = engine.catalog().storedTables(c, schema);
        progress.start(tables.size());
        List<Finding> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Relation table : tables) {
            List<ColumnInfo> columns = new ArrayList<>();
            for (CatalogColumn column : table.columns()) {
                columns.add(new ColumnInfo(table.name().schema(), table.name().name(), column.name(),
                        column.typeName(), ValueType.of(column.typeName(), column.jdbcType()), column.comment()));
            }
            Map<String, Classification> classes;
            try {
                classes = classifier.classifyTable(columns, (undecided, rows) -> sample(c, table.name(), undecided,
                        rows));
            } catch (Classifier.SamplingException e) {
                problems.add(table.name() + ": its samples could not be read (" + e.getCause().getMessage()
                        + "); classified by rules, tags and names only");
                classes = classifyWithoutSamples(columns);
            }
            for (ColumnInfo column : columns) {
                findings.add(new Finding(table.name(), column, classes.get(column.name())));
            }
            progress.tableDone();
        }
        return new Result(tables.size(), findings, problems);
    }

    private Map<String, Classification> classifyWithoutSamples(List<ColumnInfo> columns) {
        try {
            return classifier.classifyTable(columns, null);
        } catch (Classifier.SamplingException e) {
            throw new IllegalStateException("no samples were asked for", e);
        }
    }

    /** Up to {@code rows} values of each column, in one query (values are compared by detectors, never shown). */
    private Map<String, List<?>> sample(Connection c, TableName table, List<ColumnInfo> columns, int rows)
            throws SQLException {
        Dialect dialect = engine.sqlDialect();
        String select = columns.stream().map(col -> dialect.quoteIdentifier(col.name()))
                .collect(Collectors.joining(", "));
        String sql = "SELECT " + select + " FROM " + dialect.quoteIdentifier(table.schema()) + "."
                + dialect.quoteIdentifier(table.name()) + " LIMIT " + rows;
        return engine.runInternal(c, vendor -> {
            Map<String, List<?>> values = new HashMap<>();
            List<List<String>> read = new ArrayList<>();
            columns.forEach(col -> read.add(new ArrayList<>()));
            try (Statement s = vendor.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        read.get(i).add(rs.getString(i + 1));
                    }
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i).name(), read.get(i));
            }
            return values;
        });
    }
}
