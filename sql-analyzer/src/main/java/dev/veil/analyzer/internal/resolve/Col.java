package dev.veil.analyzer.internal.resolve;

import dev.veil.analyzer.ColumnReference;

/** A column of a range variable, with its lineage and where its value comes from. */
final class Col {

    final String name;
    final Lin lin;
    final ColumnReference.Origin origin;

    Col(String name, Lin lin, ColumnReference.Origin origin) {
        this.name = name;
        this.lin = lin;
        this.origin = origin;
    }
}
