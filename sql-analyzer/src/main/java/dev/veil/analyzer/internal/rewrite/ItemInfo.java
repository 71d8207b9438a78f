package dev.veil.analyzer.internal.rewrite;

import java.util.ArrayList;
import java.util.List;

/**
 * A select-list (or RETURNING) item, for the rewriter: its span, whether it has an alias and the label it produces,
 * so that an item whose expression changes can be re-aliased to keep its label. Star items also keep their expansion.
 */
public final class ItemInfo {

    public final int start;
    public final int end;
    public final boolean hasAlias;
    public final String label;
    /** For {@code *} and {@code t.*}: the expanded columns (qualified reference text and label), in order. */
    public final List<StarColumn> starColumns;

    /** {@code expression}: the reference is not a plain column (a merged join column), so it needs an alias. */
    public record StarColumn(String reference, String label, Occurrence occurrence, boolean expression) { }

    public ItemInfo(int start, int end, boolean hasAlias, String label, boolean star) {
        this.start = start;
        this.end = end;
        this.hasAlias = hasAlias;
        this.label = label;
        this.starColumns = star ? new ArrayList<>() : null;
    }

    public boolean isStar() {
        return starColumns != null;
    }
}
