package dev.veil.analyzer.internal.resolve;

import java.util.Set;

import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.Flow;

/** A column of a range variable, with its lineage and where its value comes from. */
final class Col {

    final String name;
    final Lin lin;
    final ColumnReference.Origin origin;
    /** For a column the statement computes (origin DERIVED): the flows of the references that computed it. */
    final Set<Flow> producedFor;

    Col(String name, Lin lin, ColumnReference.Origin origin) {
        this(name, lin, origin, origin == ColumnReference.Origin.DERIVED ? Set.of(Flow.RETURNED) : Set.of());
    }

    Col(String name, Lin lin, ColumnReference.Origin origin, Set<Flow> producedFor) {
        this.name = name;
        this.lin = lin;
        this.origin = origin;
        this.producedFor = origin == ColumnReference.Origin.DERIVED ? Set.copyOf(producedFor) : Set.of();
    }
}
