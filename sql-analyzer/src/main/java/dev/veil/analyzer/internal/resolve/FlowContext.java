package dev.veil.analyzer.internal.resolve;

import java.util.EnumSet;
import java.util.Set;

import dev.veil.analyzer.Flow;

/**
 * Where the values computed at one place of a statement go: the flows a column reference there gets, and whether
 * they reach a row-selecting position through an expression that may expose a part of them.
 */
record FlowContext(Set<Flow> flows, boolean part) {

    static final FlowContext RETURNED = new FlowContext(EnumSet.of(Flow.RETURNED), false);
    static final FlowContext WRITTEN = new FlowContext(EnumSet.of(Flow.WRITTEN), false);
    static final FlowContext SELECTING = new FlowContext(EnumSet.of(Flow.ROW_SELECTING), false);
    /** The outputs of a view's definition: their values reach a caller only when the view is read. */
    static final FlowContext VIEW_OUTPUT = new FlowContext(EnumSet.noneOf(Flow.class), false);
    /** Predicates of a view's definition: stored, and evaluated over raw values whenever the view is read. */
    static final FlowContext VIEW_SELECTING = new FlowContext(EnumSet.of(Flow.ROW_SELECTING, Flow.SCHEMA_EMBEDDED),
            false);

    FlowContext {
        flows = flows.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flows));
    }

    /** The same flows; {@code part} when this place may expose a part of the value. */
    FlowContext partIf(boolean exposesPart) {
        return exposesPart && !part ? new FlowContext(flows, true) : this;
    }

    FlowContext with(Flow flow) {
        if (flows.contains(flow)) return this;
        EnumSet<Flow> all = flows.isEmpty() ? EnumSet.noneOf(Flow.class) : EnumSet.copyOf(flows);
        all.add(flow);
        return new FlowContext(all, part);
    }

    /** Whether the part flag matters: only a row-selecting use can expose a part of a value without returning it. */
    boolean partOfValue() {
        return part && flows.contains(Flow.ROW_SELECTING);
    }
}
