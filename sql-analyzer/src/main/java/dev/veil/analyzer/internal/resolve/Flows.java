package dev.veil.analyzer.internal.resolve;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.Flow;
import dev.veil.analyzer.internal.rewrite.Occurrence;

/** Ties each recorded column reference to its node of the flow graph, and gives it its flows at the end. */
final class Flows {

    /**
     * @param node      where the reference's value goes
     * @param producers for a reference to a column the statement computes: the outputs that computed it
     */
    record Pending(FlowNode node, List<FlowNode> producers) {
    }

    private Flows() {
    }

    /** Records where {@code o}'s value goes; the outputs it reads now also go there. */
    static void record(Resolver r, Occurrence o, FlowNode node, List<FlowNode> producers) {
        r.pendingFlows.put(o, new Pending(node, List.copyOf(producers)));
        for (FlowNode p : producers) p.feeds(node, false);
    }

    static void finish(Resolver r) {
        for (Occurrence o : r.draft.occurrences) {
            Pending p = r.pendingFlows.get(o);
            if (p == null) continue;
            FlowContext c = p.node().resolve();
            ColumnReference x = o.ref;
            o.ref = new ColumnReference(x.statementIndex(), x.text(), x.clause(), x.kind(), x.origin(), x.sources(),
                    x.derived(), x.nested(), x.label(), x.qualifiedSource(), c.flows(), c.partOfValue(),
                    producedFor(x, p.producers()));
        }
        r.pendingFlows.clear();
    }

    /** The flows of the outputs that computed a derived reference's value (returned when unknown: masked). */
    private static Set<Flow> producedFor(ColumnReference ref, List<FlowNode> producers) {
        if (ref.origin() != ColumnReference.Origin.DERIVED) return Set.of();
        if (producers.isEmpty()) return Set.of(Flow.RETURNED);
        EnumSet<Flow> all = EnumSet.noneOf(Flow.class);
        for (FlowNode p : producers) all.addAll(p.resolve().flows());
        return all;
    }
}
