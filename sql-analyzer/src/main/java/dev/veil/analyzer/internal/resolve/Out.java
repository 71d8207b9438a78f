package dev.veil.analyzer.internal.resolve;

import dev.veil.analyzer.ColumnReference;

/**
 * One output column of a query block. {@code source} is set when the output is a plain reference to a column of
 * the block's own FROM clause: a qualified reference to that column (see {@link ColumnReference#qualifiedSource}).
 * A null {@code lin} marks an output not resolved yet (MariaDB window clauses see the select list's aliases).
 * {@code node} is the output's place in the flow graph: where its value goes (null while pending).
 */
record Out(String label, Lin lin, String source, boolean sameNameColumn, FlowNode node) {
    Out(String label, Lin lin, FlowNode node) {
        this(label, lin, null, false, node);
    }
}
