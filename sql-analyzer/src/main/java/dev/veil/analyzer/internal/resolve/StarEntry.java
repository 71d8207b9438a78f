package dev.veil.analyzer.internal.resolve;

/**
 * One column a {@code *} expands to. {@code merged} is the reference text for a JOIN USING/NATURAL column (its
 * variables' columns coalesced); null for ordinary columns.
 */
record StarEntry(Col col, RangeVar var, String merged) {
    StarEntry(Col col, RangeVar var) {
        this(col, var, null);
    }
}
