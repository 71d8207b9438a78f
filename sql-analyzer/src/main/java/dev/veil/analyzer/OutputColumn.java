package dev.veil.analyzer;

import java.util.Set;

/**
 * One column of a statement's result (top-level select list or RETURNING).
 *
 * @param label   the label the vendor JDBC driver reports for it
 * @param sources the base columns its value derives from (empty only for values computed from no column at all)
 * @param derived false when, in every row, the value is a verbatim copy of one of its sources
 */
public record OutputColumn(String label, Set<BaseColumn> sources, boolean derived) {
    public OutputColumn {
        sources = Set.copyOf(sources);
    }
}
