package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.veil.analyzer.Flow;

/**
 * One node of a statement's data-flow graph: a place a value goes. A column reference, a select-list output, a
 * subquery's value each have one; an edge says "this value goes there", marked when the value passes through an
 * expression that may expose a part of it. Sinks are fixed nodes (returned, row-selecting, written, …). The flows of
 * a node are those of every sink it reaches, worked out once the whole statement is resolved (a derived table's
 * column only knows where it goes when the outer query has referred to it).
 *
 * <p>Fail-safe defaults: an open node nothing consumes (an output of a derived table no one reads, as far as the
 * resolver can tell) and a cycle count as returned, so their values are masked.
 */
final class FlowNode {

    private final Set<Flow> fixed;
    private final List<FlowNode> targets = new ArrayList<>();
    private final List<Boolean> partial = new ArrayList<>();
    private FlowContext resolved;
    private boolean resolving;

    private FlowNode(Set<Flow> fixed) {
        this.fixed = fixed;
    }

    /** A sink: its flows are {@code flows}, whatever else happens. */
    static FlowNode sink(Set<Flow> flows) {
        return new FlowNode(flows.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flows)));
    }

    /** A node whose flows are those of the nodes it feeds. */
    static FlowNode open() {
        return new FlowNode(null);
    }

    /** This value goes to {@code target} ({@code part}: through an expression that may expose a part of it). */
    FlowNode feeds(FlowNode target, boolean part) {
        if (fixed != null) throw new IllegalStateException("a sink feeds nothing");
        if (target != null && target != this) {
            targets.add(target);
            partial.add(part);
        }
        return this;
    }

    /** The flows of this node and whether it reaches row selection through a part of the value. */
    FlowContext resolve() {
        if (resolved != null) return resolved;
        if (fixed != null) {
            resolved = new FlowContext(fixed, false);
            return resolved;
        }
        if (resolving || targets.isEmpty()) return FlowContext.RETURNED;
        resolving = true;
        try {
            EnumSet<Flow> flows = EnumSet.noneOf(Flow.class);
            boolean part = false;
            for (int i = 0; i < targets.size(); i++) {
                FlowContext c = targets.get(i).resolve();
                flows.addAll(c.flows());
                if (c.flows().contains(Flow.ROW_SELECTING) && (partial.get(i) || c.part())) part = true;
            }
            resolved = new FlowContext(flows, part);
            return resolved;
        } finally {
            resolving = false;
        }
    }
}
