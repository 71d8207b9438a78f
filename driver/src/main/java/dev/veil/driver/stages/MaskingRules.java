package dev.veil.driver.stages;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.driver.pipeline.StatementPlan.Sensitivity;
import dev.veil.policy.PredicateMode;
import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.MaskRenderer;
import dev.veil.policy.mask.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happens to one column reference that reads a sensitive column — the heart of Veil's rewrite:
 * <ul>
 *   <li>a value that leaves the statement (select list at any depth, RETURNING, a value written) is masked where
 *       the base column (or view column) is referenced; references to derived tables, CTEs and output aliases are
 *       left alone, as their values were masked where they were produced;</li>
 *   <li>a reference that filters, joins, groups or orders follows the class's {@code predicates} mode: {@code deny}
 *       refuses the statement, {@code masked} compares masked values, {@code allow} compares raw values — and, so
 *       that masking never changes which rows come back, refuses a comparison that would see masked values;</li>
 *   <li>a whole row that carries a sensitive column is refused.</li>
 * </ul>
 */
final class MaskingRules {

    /** The outcome for one reference. */
    sealed interface Outcome {
        record Keep() implements Outcome {
        }

        record Replace(String sql, List<String> masks) implements Outcome {
        }

        record Refuse(String message) implements Outcome {
        }
    }

    private static final Outcome KEEP = new Outcome.Keep();

    private final Map<BaseColumn, Sensitivity> sensitive;
    private final MaskRenderer renderer;

    MaskingRules(Map<BaseColumn, Sensitivity> sensitive, MaskRenderer renderer) {
        this.sensitive = sensitive;
        this.renderer = renderer;
    }

    Outcome decide(ColumnReference ref) {
        List<BaseColumn> reads = new ArrayList<>();
        for (BaseColumn source : ref.sources()) {
            if (sensitive.containsKey(source)) {
                reads.add(source);
            }
        }
        if (reads.isEmpty()) {
            return KEEP;
        }
        reads.sort(Comparator.naturalOrder());
        if (ref.kind() == ColumnReference.Kind.WHOLE_ROW) {
            return new Outcome.Refuse("the whole-row reference " + ref.text() + " carries " + describe(reads)
                    + " (rule: whole-row)");
        }
        return switch (ref.clause()) {
            case OUTPUT, WRITE_VALUE -> ref.origin() == ColumnReference.Origin.DERIVED ? KEEP : mask(ref, reads);
            case OTHER -> KEEP; // LIMIT/OFFSET and conflict targets return no value
            default -> predicate(ref, reads);
        };
    }

    private Outcome predicate(ColumnReference ref, List<BaseColumn> reads) {
        PredicateMode mode = strictest(reads);
        String where = clauseName(ref.clause());
        boolean using = ref.kind() == ColumnReference.Kind.USING_COLUMN;
        return switch (mode) {
            case DENY -> new Outcome.Refuse(describe(reads) + " is used in " + where
                    + "; predicates on its class are denied (rule: predicates: deny)");
            case MASKED -> {
                if (using) {
                    // JOIN USING and NATURAL JOIN compare the stored values, and their columns cannot be replaced
                    yield new Outcome.Refuse(describe(reads) + " is joined with " + (ref.text().isEmpty() ? "NATURAL"
                            : "USING") + ", which would compare raw values; join with ON (rule: predicates: masked)");
                }
                yield ref.origin() == ColumnReference.Origin.DERIVED ? KEEP : mask(ref, reads);
            }
            case ALLOW -> {
                if (using || ref.origin() != ColumnReference.Origin.DERIVED) {
                    yield KEEP;
                }
                // an output alias of a plain column: order or group by the stored column itself
                if (ref.qualifiedSource().isPresent()) {
                    yield new Outcome.Replace(ref.qualifiedSource().get(), List.of());
                }
                yield new Outcome.Refuse(describe(reads) + " is used in " + where + " through a derived column or"
                        + " output alias, whose value is masked; refer to the table's column to use raw values"
                        + " (rule: predicates: allow)");
            }
        };
    }

    private Outcome mask(ColumnReference ref, List<BaseColumn> reads) {
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
        return new Outcome.Replace(renderer.render(mask, ref.text(), type), applied);
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

    private String describe(List<BaseColumn> reads) {
        List<String> parts = new ArrayList<>();
        for (BaseColumn column : reads) {
            parts.add(column + " (class " + sensitive.get(column).classId() + ")");
        }
        return String.join(", ", parts);
    }

    static String clauseName(Clause clause) {
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
