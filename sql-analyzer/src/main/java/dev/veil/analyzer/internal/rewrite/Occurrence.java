package dev.veil.analyzer.internal.rewrite;

import dev.veil.analyzer.ColumnReference;

/** A column reference with its position in the analyzed text; what the rewriter edits. */
public final class Occurrence {

    /** Given its data flows once the statement is resolved. */
    public ColumnReference ref;
    /** Span in the analyzed text; -1 when the parser did not report one (the reference cannot be replaced). */
    public final int start;
    public final int end;
    /** For columns expanded from a star: the star item they belong to. */
    public final ItemInfo star;

    public Occurrence(ColumnReference ref, int start, int end, ItemInfo star) {
        this.ref = ref;
        this.start = start;
        this.end = end;
        this.star = star;
    }
}
