package dev.veil.analyzer.internal.resolve;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import dev.veil.analyzer.BaseColumn;

/**
 * The lineage of one value: the base columns it derives from, and whether it is derived through expressions
 * ({@code derived == false}: in every row the value is a verbatim copy of one of its sources).
 */
final class Lin {

    static final Lin NONE = new Lin(Set.of(), true);

    final Set<BaseColumn> sources;
    final boolean derived;

    private Lin(Set<BaseColumn> sources, boolean derived) {
        this.sources = sources;
        this.derived = derived;
    }

    static Lin copyOf(BaseColumn c) {
        return new Lin(Set.of(c), false);
    }

    static Lin of(Collection<BaseColumn> sources, boolean derived) {
        if (sources.isEmpty()) return NONE;
        return new Lin(Set.copyOf(sources), derived);
    }

    Lin asDerived() {
        return derived ? this : new Lin(sources, true);
    }

    /**
     * Lineage of a set-operation column or merged join column, whose value in each row is one of the inputs: it
     * stays a copy when every input is a copy.
     */
    Lin merge(Lin o) {
        Set<BaseColumn> all = new HashSet<>(sources);
        all.addAll(o.sources);
        if (all.isEmpty()) return NONE;
        return new Lin(Set.copyOf(all), derived || o.derived);
    }

    @Override
    public String toString() {
        return (derived ? "~" : "=") + sources;
    }
}
