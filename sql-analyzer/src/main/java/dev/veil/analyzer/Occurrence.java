package dev.veil.analyzer;

/** A column reference with its position in the analyzed text; what the rewriter edits. */
final class Occurrence {
    final ColumnReference ref;
    /** Span in the analyzed text; -1 when the parser did not report one (the reference cannot be replaced). */
    final int start;
    final int end;
    /** For columns expanded from a star: the star item they belong to. */
    final ItemInfo star;

    Occurrence(ColumnReference ref, int start, int end, ItemInfo star) {
        this.ref = ref;
        this.start = start;
        this.end = end;
        this.star = star;
    }
}
