package dev.veil.analyzer;

import java.util.Set;

/**
 * Data written into a column: by INSERT, UPDATE, MERGE, CREATE TABLE AS, SELECT INTO or a view definition.
 *
 * @param target  the written column
 * @param sources the base columns the written value derives from
 * @param derived false when, in every row, the written value is a verbatim copy of one of its sources
 */
public record WriteFlow(BaseColumn target, Set<BaseColumn> sources, boolean derived) {
    public WriteFlow {
        sources = Set.copyOf(sources);
    }
}
