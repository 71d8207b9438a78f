package dev.veil.driver.pipeline;

import dev.veil.policy.mask.ReferenceMasker;
import dev.veil.policy.mask.TextMask;
import java.util.List;
import java.util.Set;

/**
 * What a result set wrapper needs to mask the columns its plan masks in the driver ({@code veil.masking=driver}):
 * which columns, and their masked text from the raw text, as the session's JVM reference masker gives it. Each
 * column's mask is compiled once per result into a {@link TextMask}, as values are masked one by one. The decision is
 * the plan's ({@link StatementPlan#resultMasks()}); the wrapper only applies it.
 */
public final class ColumnMasks {

    private final ResultMasks masks;
    private final List<String> expectedLabels;
    /** By 1-based column: its mask, or null when the driver does not mask it (asked for every value read). */
    private final TextMask[] byColumn;

    private ColumnMasks(ResultMasks masks, List<String> expectedLabels, ReferenceMasker masker) {
        this.masks = masks;
        this.expectedLabels = expectedLabels;
        this.byColumn = new TextMask[masks.expected() + 1];
        masks.columns().keySet().forEach(column -> byColumn[column] = TextMask.of(masks.of(column).mask(), masker));
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
        return column > 0 && column < byColumn.length && byColumn[column] != null;
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
        return byColumn[column].apply(raw);
    }
}
