package dev.veil.analyzer;

/** Where in a statement a column reference sits. */
public enum Clause {
    /** A value the query block returns: select list, RETURNING (at any nesting depth). */
    OUTPUT,
    /** A value written: INSERT values/select, UPDATE SET and MERGE values. */
    WRITE_VALUE,
    WHERE,
    JOIN_ON,
    JOIN_USING,
    GROUP_BY,
    HAVING,
    ORDER_BY,
    WINDOW_PARTITION,
    WINDOW_ORDER,
    DISTINCT_ON,
    /** LIMIT/OFFSET/FETCH expressions, conflict targets and other places that neither return nor filter. */
    OTHER
}
