package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * A select-list (or RETURNING) item, for the rewriter: its span, whether it has an alias and the label it produces,
 * so that an item whose expression changes can be re-aliased to keep its label. Star items also keep their expansion.
 */
final class ItemInfo {
    final int start;
    final int end;
    final boolean hasAlias;
    final String label;
    /** For {@code *} and {@code t.*}: the expanded columns (qualified reference text and label), in order. */
    final List<StarColumn> starColumns;

    /** {@code expression}: the reference is not a plain column (a merged join column), so it needs an alias. */
    record StarColumn(String reference, String label, Occurrence occurrence, boolean expression) { }

    ItemInfo(int start, int end, boolean hasAlias, String label, boolean star) {
        this.start = start;
        this.end = end;
        this.hasAlias = hasAlias;
        this.label = label;
        this.starColumns = star ? new ArrayList<>() : null;
    }

    boolean isStar() {
        return starColumns != null;
    }
}
