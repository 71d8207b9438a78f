package dev.veil.analyzer;

import java.util.Set;

/** A column reference used to filter, join, group or order, with the base columns it derives from. */
public record ColumnUse(Clause clause, String text, Set<BaseColumn> sources) {
    public ColumnUse {
        sources = Set.copyOf(sources);
    }
}
