package dev.veil.driver.decide;

import dev.veil.analyzer.DefinedColumn;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TableName;
import dev.veil.policy.ColumnInfo;
import dev.veil.policy.PredicateMode;
import dev.veil.policy.SensitiveClass;
import dev.veil.policy.classify.Classification;
import dev.veil.policy.classify.Classifier;
import dev.veil.policy.mask.ValueType;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code CREATE TABLE} whose new column the policy will class, by its name or a rule, with a class that denies
 * predicates is refused for principals not exempt: they could never write that column ({@link WriteFlowRule}), so the
 * table would be created and stay empty — Spark's write of a masked DataFrame would leave exactly that behind. The
 * refusal comes before any DDL runs and says what to change (rule: {@code predicates: deny}).
 */
final class NewColumnClassRule implements DecisionRule {

    /** Type names whose values are text, as the classification's name heuristics consider them. */
    private static final Set<String> TEXT = Set.of("text", "varchar", "character varying", "char", "character",
            "nvarchar", "nchar", "clob", "nclob", "longtext", "mediumtext", "tinytext", "string", "citext",
            "varchar2", "varchar_ignorecase", "bpchar", "name");
    private static final Set<String> WHOLE_NUMBERS = Set.of("int", "integer", "int2", "int4", "int8", "bigint",
            "smallint", "tinyint", "mediumint", "serial", "bigserial", "smallserial");

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) throws SQLException {
        if (context.exempt() || s.statementType() != StatementType.CREATE_TABLE || s.definedColumns().isEmpty()
                || s.tablesWritten().size() != 1) {
            return;
        }
        TableName table = s.tablesWritten().iterator().next();
        Classifier classifier = new Classifier(context.policy());
        for (DefinedColumn column : s.definedColumns()) {
            Optional<Classification> classified = classifier.classify(ColumnInfo.of(table.schema(), table.name(),
                    column.name(), ValueType.of(column.typeName(), jdbcType(column.typeName()))));
            Optional<SensitiveClass> sensitive = classified.flatMap(c -> context.policy().sensitiveClass(c.classId()));
            if (sensitive.isPresent() && sensitive.get().predicates() == PredicateMode.DENY) {
                throw context.refusal(s, "CREATE TABLE " + table + " would create column " + column.name()
                        + ", which the policy classes " + classified.get().classId() + " (by " + classified.get()
                        .source().name().toLowerCase(Locale.ROOT) + "); predicates on that class are denied, so"
                        + " this user could not write the column and the table would stay empty. Rename the"
                        + " column to a name no class claims (Spark: withColumnRenamed), or create and write the"
                        + " table as an exempt user"
                        + " (rule: predicates: deny)");
            }
        }
    }

    private static int jdbcType(String typeName) {
        String name = typeName == null ? "" : typeName.trim().toLowerCase(Locale.ROOT);
        if (TEXT.contains(name)) {
            return Types.VARCHAR;
        }
        return WHOLE_NUMBERS.contains(name) ? Types.INTEGER : Types.OTHER;
    }
}
