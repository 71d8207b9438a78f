package dev.veil.analyzer;

import java.util.EnumSet;
import java.util.Set;

/**
 * A way the value of a column reference can reach the caller, worked out from the statement's graph (see
 * {@link ColumnReference#flows()}): not the clause's name, but where the value goes from there.
 */
public enum Flow {
    /** The value is returned: an output at the top level, RETURNING, generated keys, a scalar subquery there. */
    RETURNED,
    /**
     * The value changes which or how many rows come back or are changed, or their order: WHERE, ON, HAVING, QUALIFY,
     * GROUP BY, DISTINCT ON, ORDER BY, window PARTITION/ORDER, LIMIT/OFFSET/FETCH/TOP expressions, conflict targets,
     * the outputs of a subquery used in any of these (IN, EXISTS, scalar and ANY/ALL subqueries), and the argument of
     * an aggregate that returns no value of it ({@code COUNT(x)}, {@code COUNT(DISTINCT x)}) or its FILTER.
     */
    ROW_SELECTING,
    /** The value is stored: INSERT values and queries, UPDATE SET, MERGE, CREATE TABLE AS, SELECT INTO. */
    WRITTEN,
    /**
     * The value is used by a definition the database stores and evaluates over real values later: a view's
     * definition, an index expression or partial-index predicate, a CHECK constraint, a generated column, a default.
     */
    SCHEMA_EMBEDDED,
    /** The value passes through a cast that can fail on it (and whose error may quote it). */
    ERROR_RAISING;

    /** The flows a reference has by the clause it sits in, when nothing else is known (outputs are returned). */
    public static Set<Flow> of(Clause clause) {
        return switch (clause) {
            case OUTPUT -> EnumSet.of(RETURNED);
            case WRITE_VALUE -> EnumSet.of(WRITTEN);
            default -> EnumSet.of(ROW_SELECTING);
        };
    }
}
