package dev.veil.analyzer.internal.resolve;

import java.util.List;

import dev.veil.analyzer.ColumnReference;

/** A column of a range variable, with its lineage and where its value comes from. */
final class Col {

    final String name;
    final Lin lin;
    final ColumnReference.Origin origin;
    /** For a column the statement computes (origin DERIVED): the outputs that computed it (flow-graph nodes). */
    final List<FlowNode> producers;

    Col(String name, Lin lin, ColumnReference.Origin origin) {
        this(name, lin, origin, List.of());
    }

    Col(String name, Lin lin, ColumnReference.Origin origin, List<FlowNode> producers) {
        this.name = name;
        this.lin = lin;
        this.origin = origin;
        this.producers = List.copyOf(producers);
    }

    /** The producers of an output: its node, when it has one. */
    static List<FlowNode> of(Out o) {
        return o.node() == null ? List.of() : List.of(o.node());
    }
}
