package dev.veil.driver.pipeline;

import dev.veil.policy.mask.ReferenceMasker;
import dev.veil.policy.mask.ValueType;
import java.util.List;
import java.util.Set;

/**
 * What a result set wrapper needs to mask the columns its plan masks in the driver ({@code veil.masking=driver}):
 * which columns, and their masked text from the raw text, by the session's JVM reference masker. The decision is the
 * plan's ({@link StatementPlan#resultMasks()}); the wrapper only applies it.
 */
public final class ColumnMasks {

    private final ResultMasks masks;
    private final List<String> expectedLabels;
    private final ReferenceMasker masker;
    /** By 1-based column: whether the driver masks it (asked for every value read). */
    private final boolean[] masked;

    private ColumnMasks(ResultMasks masks, List<String> expectedLabels, ReferenceMasker masker) {
        this.masks = masks;
        this.expectedLabels = expectedLabels;
        this.masker = masker;
        this.masked = new boolean[masks.expected() + 1];
        masks.columns().keySet().forEach(column -> masked[column] = true);
    }

    /** The driver's masks for the rows of {@code trace} (null: rows of no execution); null when there are none. */
    public static ColumnMasks of(ExecutionTrace trace, Session session) {
        if (trace == null || trace.plan().resultMasks().isEmpty()) {
            return null;
        }
        return new ColumnMasks(trace.plan().resultMasks(), trace.plan().expectedLabels(), session.masker());
    }

    /** The 1-based columns masked in the driver. */
    public Set<Integer> columns() {
        return masks.columns().keySet();
    }

    public boolean masks(int column) {
        return column > 0 && column < masked.length && masked[column];
    }

    /** The number of result columns the plan was made for. */
    public int expectedColumns() {
        return masks.expected();
    }

    /** The label the analysis expects for a 1-based column. */
    public String expectedLabel(int column) {
        return expectedLabels.get(column - 1);
    }

    /** The masked text of a masked column's raw text (NULL stays NULL; the {@code null} mask gives NULL). */
    public String apply(int column, String raw) {
        return (String) masker.apply(masks.of(column).mask(), raw, ValueType.STRING);
    }
}
