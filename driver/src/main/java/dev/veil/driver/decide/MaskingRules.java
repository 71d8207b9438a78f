package dev.veil.driver.decide;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.Flow;
import dev.veil.analyzer.OutputColumn;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementType;
import dev.veil.driver.pipeline.ReferenceOutcome;
import dev.veil.driver.pipeline.StatementPlan.Sensitivity;
import dev.veil.policy.PredicateMode;
import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.MaskRenderer;
import dev.veil.policy.mask.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides what happens to a column reference that reads a sensitive column. The decision is
 * made from the reference's data flows ({@link ColumnReference#flows()}, see docs/analyzer.md), never from the clause
 * it sits in, once per reference when the statement is decided ({@link RuleContext#decideReferences()}); the plan
 * keeps it, and the decision rules, the rewrite, the explanation and the usage events (the masks applied) read it
 * there:
 * <ul>
 *   <li>a whole row that carries a sensitive column is refused;</li>
 *   <li><b>schema-embedded</b> (a stored definition the database evaluates over raw values later, such as a view's
 *       WHERE) is refused, unless the principal is exempt or the DDL is held for approval;</li>
 *   <li><b>returned</b> or <b>written</b> values are masked where the base column (or view column) is referenced;
 *       a reference to a derived table, CTE or output alias is left alone when its value was masked where it was
 *       produced, and masked here when it was produced raw (only to select rows);</li>
 *   <li><b>row-selecting</b> values follow the class's {@code predicates} mode: {@code deny} refuses; {@code masked}
 *       compares masked values; {@code allow} compares raw whole values — a value used through an expression that
 *       may expose a part of it is refused, and so is a comparison that would see a value masked upstream (masking
 *       must never change which rows a statement returns or changes);</li>
 *   <li>a value with no flow (a view's output: it reaches a caller only when the view is read, masked there) is
 *       kept; <b>error-raising</b> values need nothing here: errors of statements reading sensitive columns are
 *       scrubbed.</li>
 * </ul>
 *
 * <p>With {@code veil.masking=driver}, a returned value that is a plain top-level projection of a text column, in a
 * statement whose rows masking cannot change, is masked by the driver as rows are read instead
 * ({@link ReferenceOutcome.MaskOnRead}, see {@link #masksInDriver}); everything else is decided as above.
 */
public final class MaskingRules {

    private static final ReferenceOutcome NOT_SENSITIVE = new ReferenceOutcome.Keep("reads no sensitive column");
    private static final ReferenceOutcome MASKED_UPSTREAM = new ReferenceOutcome.Keep("kept: its value was masked"
            + " where it was produced");
    private static final ReferenceOutcome RAW_PREDICATE = new ReferenceOutcome.Keep("raw: compared as a whole value"
            + " (predicates: allow)");
    private static final ReferenceOutcome DEFINITION = new ReferenceOutcome.Keep("kept: a view's definition; masked"
            + " where the view is read");
    private static final Set<Flow> MASKING_FLOWS = EnumSet.of(Flow.RETURNED, Flow.WRITTEN);
    private static final Set<Flow> RETURNED_ONLY = Set.of(Flow.RETURNED);

    private final Map<BaseColumn, Sensitivity> sensitive;
    private final MaskRenderer renderer;

    public MaskingRules(Map<BaseColumn, Sensitivity> sensitive, MaskRenderer renderer) {
        this.sensitive = sensitive;
        this.renderer = renderer;
    }

    /** The decision for {@code ref}, with every mask in SQL. */
    public ReferenceOutcome decide(ColumnReference ref) {
        return decide(ref, null);
    }

    /**
     * The decision for {@code ref}, a reference of {@code driverMasked}, the statement whose plain projections the
     * driver masks; null when the SQL masks them all (the default, or a statement {@link #masksInDriver} refuses).
     */
    public ReferenceOutcome decide(ColumnReference ref, StatementAnalysis driverMasked) {
        List<BaseColumn> reads = new ArrayList<>();
        for (BaseColumn source : ref.sources()) {
            if (sensitive.containsKey(source)) {
                reads.add(source);
            }
        }
        if (reads.isEmpty()) {
            return NOT_SENSITIVE;
        }
        reads.sort(Comparator.naturalOrder());
        if (ref.kind() == ColumnReference.Kind.WHOLE_ROW) {
            return new ReferenceOutcome.Refuse("the whole-row reference " + ref.text() + " carries " + describe(reads)
                    + "; name the columns instead (sensitive ones are returned masked), or "
                    + PolicyChange.exemptOnly().substring("; to allow it, ".length()) + " (rule: whole-row)");
        }
        ReferenceOutcome byFlow = byFlow(ref, reads, driverMasked);
        if (ref.flows().contains(Flow.SCHEMA_EMBEDDED)) {
            return new ReferenceOutcome.Refuse(describe(reads) + " is used in a stored definition the database"
                    + " evaluates over raw values later (a view's predicate, an index); it needs an approval or an"
                    + " exempt user" + PolicyChange.approvalOrExempt("approvals.ddl.create")
                    + " (rule: schema-embedded)", byFlow);
        }
        return byFlow;
    }

    /** Returned, written, row-selecting, or none of these. */
    private ReferenceOutcome byFlow(ColumnReference ref, List<BaseColumn> reads, StatementAnalysis driverMasked) {
        Set<Flow> flows = ref.flows();
        if (flows.contains(Flow.RETURNED) || flows.contains(Flow.WRITTEN)) {
            if (ref.origin() != ColumnReference.Origin.DERIVED) {
                int column = driverMasked == null ? 0 : resultColumn(ref, driverMasked);
                if (column > 0) {
                    return maskOnRead(ref, reads, column);
                }
                return mask(ref, reads);
            }
            return maskedUpstream(ref) ? MASKED_UPSTREAM : mask(ref, reads);
        }
        if (flows.contains(Flow.ROW_SELECTING)) {
            return predicate(ref, reads);
        }
        return DEFINITION;
    }

    /** Whether a derived reference's value was masked where it was produced (it was produced for a result). */
    private static boolean maskedUpstream(ColumnReference ref) {
        return ref.producedFor().stream().anyMatch(MASKING_FLOWS::contains);
    }

    private ReferenceOutcome predicate(ColumnReference ref, List<BaseColumn> reads) {
        PredicateMode mode = strictest(reads);
        String where = switch (ref.clause()) {
            case OUTPUT, WRITE_VALUE -> ref.nested() ? "a subquery's select list or an aggregate that returns no"
                    + " value of it" : "an aggregate that returns no value of it";
            case OTHER -> "LIMIT, OFFSET or a conflict target";
            default -> clauseName(ref.clause());
        };
        boolean using = ref.kind() == ColumnReference.Kind.USING_COLUMN;
        boolean derived = ref.origin() == ColumnReference.Origin.DERIVED;
        return switch (mode) {
            case DENY -> new ReferenceOutcome.Refuse(describe(reads) + " is used in " + where
                    + "; predicates on its class are denied" + PolicyChange.allowPredicates(classes(reads))
                    + " (rule: predicates: deny)");
            case MASKED -> {
                if (using) {
                    // JOIN USING and NATURAL JOIN compare the stored values, and their columns cannot be replaced
                    yield new ReferenceOutcome.Refuse(describe(reads) + " is joined with "
                            + (ref.text().isEmpty() ? "NATURAL"
                            : "USING") + ", which would compare raw values; join with ON (rule: predicates: masked)");
                }
                yield derived ? MASKED_UPSTREAM : mask(ref, reads);
            }
            case ALLOW -> {
                if (ref.partOfValue()) {
                    yield new ReferenceOutcome.Refuse(describe(reads) + " is used in " + where
                            + " through an expression"
                            + " that may expose a part of its value; predicates: allow admits only whole-value"
                            + " comparisons (=, <>, <, >, IN, BETWEEN, IS NULL, joins, grouping, ordering, counting)"
                            + PolicyChange.wholeValuesOnly() + " (rule: predicates: allow)");
                }
                if (using || !derived || !maskedUpstream(ref)) {
                    yield RAW_PREDICATE;
                }
                // an output alias of a plain column: order or group by the stored column itself
                if (ref.qualifiedSource().isPresent()) {
                    yield new ReferenceOutcome.Replace(ref.qualifiedSource().get(), List.of());
                }
                yield new ReferenceOutcome.Refuse(describe(reads) + " is used in " + where
                        + " through a derived column or"
                        + " output alias, whose value is masked; refer to the table's column to use raw values"
                        + " (rule: predicates: allow)");
            }
        };
    }

    private ReferenceOutcome mask(ColumnReference ref, List<BaseColumn> reads) {
        Mask mask;
        ValueType type;
        if (reads.size() == 1 && ref.sources().size() == 1 && !ref.derived()) {
            Sensitivity s = sensitive.get(reads.get(0));
            mask = s.sensitiveClass().mask();
            type = s.valueType();
        } else {
            // a view column computed from several columns: no single class's mask fits its value
            mask = Mask.nullify();
            type = ValueType.OTHER;
        }
        List<String> applied = new ArrayList<>();
        for (BaseColumn column : reads) {
            applied.add(column + "=" + mask.kind().name().toLowerCase(Locale.ROOT));
        }
        return new ReferenceOutcome.Replace(renderer.render(mask, ref.text(), type), applied);
    }

    /**
     * Whether the driver may mask the plain projections of {@code statement}, the only statement of its text: a
     * SELECT whose rows no masked value decides — no sensitive value is grouped, and none is used through an output
     * (an alias or position in ORDER BY, a derived table or CTE), where a raw projection would change what it binds
     * to. DISTINCT and set operations compare their outputs, so those references are row-selecting and stay in SQL.
     */
    public boolean masksInDriver(StatementAnalysis statement) {
        if (statement.statementType() != StatementType.SELECT) {
            return false;
        }
        for (ColumnReference ref : statement.columnReferences()) {
            boolean sensitiveRef = ref.sources().stream().anyMatch(sensitive::containsKey);
            if (sensitiveRef && (ref.origin() == ColumnReference.Origin.DERIVED
                    || ref.kind() == ColumnReference.Kind.OUTPUT_POSITION || ref.clause() == Clause.GROUP_BY
                    || ref.clause() == Clause.HAVING)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The 1-based result column whose whole value is {@code ref}, a plain top-level projection of one text column
     * returned and used nowhere else; 0 when the reference is anything more (or its label names no single column).
     */
    private int resultColumn(ColumnReference ref, StatementAnalysis statement) {
        if (!ref.flows().equals(RETURNED_ONLY) || ref.clause() != Clause.OUTPUT || ref.nested() || ref.derived()
                || ref.label() == null || ref.sources().size() != 1
                || ref.kind() != ColumnReference.Kind.COLUMN && ref.kind() != ColumnReference.Kind.STAR_COLUMN) {
            return 0;
        }
        Sensitivity s = sensitive.get(ref.sources().iterator().next());
        if (s == null || s.valueType() != ValueType.STRING) {
            return 0;
        }
        List<OutputColumn> outputs = statement.outputColumns();
        int column = 0;
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).label().equalsIgnoreCase(ref.label())) {
                if (column != 0) {
                    return 0;
                }
                column = i + 1;
            }
        }
        if (column == 0) {
            return 0;
        }
        OutputColumn output = outputs.get(column - 1);
        return !output.derived() && output.sources().equals(ref.sources()) ? column : 0;
    }

    private ReferenceOutcome maskOnRead(ColumnReference ref, List<BaseColumn> reads, int column) {
        Sensitivity s = sensitive.get(reads.get(0));
        Mask mask = s.sensitiveClass().mask();
        return new ReferenceOutcome.MaskOnRead(column, mask, s.valueType(),
                List.of(reads.get(0) + "=" + mask.kind().name().toLowerCase(Locale.ROOT)));
    }

    private PredicateMode strictest(List<BaseColumn> reads) {
        PredicateMode mode = PredicateMode.ALLOW;
        for (BaseColumn column : reads) {
            PredicateMode m = sensitive.get(column).sensitiveClass().predicates();
            if (m == PredicateMode.DENY || (m == PredicateMode.MASKED && mode == PredicateMode.ALLOW)) {
                mode = m;
            }
        }
        return mode;
    }

    private List<String> classes(List<BaseColumn> reads) {
        List<String> classes = new ArrayList<>();
        for (BaseColumn column : reads) {
            classes.add(sensitive.get(column).classId());
        }
        return classes;
    }

    private String describe(List<BaseColumn> reads) {
        List<String> parts = new ArrayList<>();
        for (BaseColumn column : reads) {
            parts.add(column + " (class " + sensitive.get(column).classId() + ")");
        }
        return String.join(", ", parts);
    }

    public static String clauseName(Clause clause) {
        return switch (clause) {
            case WHERE -> "WHERE";
            case JOIN_ON -> "JOIN ON";
            case JOIN_USING -> "JOIN USING";
            case GROUP_BY -> "GROUP BY";
            case HAVING -> "HAVING";
            case ORDER_BY -> "ORDER BY";
            case WINDOW_PARTITION -> "a window PARTITION BY";
            case WINDOW_ORDER -> "a window ORDER BY";
            case DISTINCT_ON -> "DISTINCT ON";
            default -> clause.name();
        };
    }
}
