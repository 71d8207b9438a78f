package dev.veil.analyzer.internal.resolve;

import java.util.List;

import dev.veil.analyzer.TableName;

/** A range variable: a relation of a FROM clause (table, view, CTE, derived table) under its name, with its columns. */
final class RangeVar {

    /** The name a qualifier must match: the alias, or the table name when there is none. */
    final String name;
    final TableName table;
    /** How the rewriter qualifies this variable's columns; null when it cannot be referenced by name. */
    final String qualifier;
    final List<Col> cols;

    RangeVar(String name, TableName table, String qualifier, List<Col> cols) {
        this.name = name;
        this.table = table;
        this.qualifier = qualifier;
        this.cols = cols;
    }
}
