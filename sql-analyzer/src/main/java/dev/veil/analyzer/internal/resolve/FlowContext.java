package dev.veil.analyzer.internal.resolve;

import java.util.EnumSet;
import java.util.Set;

import dev.veil.analyzer.Flow;

/**
 * Where a value goes, once the statement's flow graph is resolved ({@link FlowNode#resolve()}): its flows, and
 * whether it reaches a row-selecting position through an expression that may expose a part of it.
 */
record FlowContext(Set<Flow> flows, boolean part) {

    static final FlowContext RETURNED = new FlowContext(EnumSet.of(Flow.RETURNED), false);

    FlowContext {
        flows = flows.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flows));
    }

    /** Whether the part flag matters: only a row-selecting use can expose a part of a value without returning it. */
    boolean partOfValue() {
        return part && flows.contains(Flow.ROW_SELECTING);
    }
}
