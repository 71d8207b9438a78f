package dev.veil.analyzer.internal.resolve;

import java.util.EnumSet;
import java.util.Set;

import dev.veil.analyzer.Flow;

/** The fixed ends of a statement's flow graph. */
final class Sinks {

    static final FlowNode RETURNED = FlowNode.sink(EnumSet.of(Flow.RETURNED));
    static final FlowNode WRITTEN = FlowNode.sink(EnumSet.of(Flow.WRITTEN));
    static final FlowNode SELECTING = FlowNode.sink(EnumSet.of(Flow.ROW_SELECTING));
    static final FlowNode ERROR = FlowNode.sink(EnumSet.of(Flow.ERROR_RAISING));
    /** The outputs of a view's definition: their values reach a caller only when the view is read. */
    static final FlowNode VIEW_OUTPUT = FlowNode.sink(Set.of());
    /** Predicates of a view's definition: stored, and evaluated over raw values whenever the view is read. */
    static final FlowNode VIEW_SELECTING = FlowNode.sink(EnumSet.of(Flow.ROW_SELECTING, Flow.SCHEMA_EMBEDDED));

    private Sinks() {
    }
}
