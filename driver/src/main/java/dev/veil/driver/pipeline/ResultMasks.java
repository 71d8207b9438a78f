package dev.veil.driver.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * The result columns the driver masks as rows are read ({@code veil.masking=driver}), by 1-based position, with the
 * expected result shape they were decided for; empty when the SQL masks everything.
 *
 * @param columns  the masks, by 1-based result column
 * @param expected the number of result columns the analysis expects
 */
public record ResultMasks(Map<Integer, ReferenceOutcome.MaskOnRead> columns, int expected) {

    public static final ResultMasks NONE = new ResultMasks(Map.of(), 0);

    public ResultMasks {
        columns = Map.copyOf(new TreeMap<>(columns));
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** The mask of a 1-based result column, or null when the driver does not mask it. */
    public ReferenceOutcome.MaskOnRead of(int column) {
        return columns.get(column);
    }
}
