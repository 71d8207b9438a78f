package dev.veil.it.fuzz;

import java.util.List;
import java.util.Set;

/**
 * One generated test case: a statement (as a tree, for minimizing), the {@code then:} statements that read back what
 * it wrote, and what the oracles need to know about it.
 *
 * @param family        the construct family, e.g. {@code query.cte-recursive}, {@code dml.update-join},
 *                      {@code probe.having.substr}
 * @param kind          how it runs: queries as they are, DML in a transaction rolled back afterwards, DDL on scratch
 *                      objects (and the schema restored afterwards), probes as pairs
 * @param statement     the statement
 * @param readbacks     statements run after it on the same connection (before the rollback), searched like results
 * @param features      feature tags: constructs used, {@code sens@clause} for each clause that references a
 *                      sensitive column
 * @param sensitive     whether any sensitive column is referenced (if not, the transparency oracle applies)
 * @param fullyOrdered  whether row order is part of the result
 * @param generatedKeys whether to execute with {@code RETURN_GENERATED_KEYS} and search the keys
 * @param restoreSchema whether the statement may change the fuzz schema itself (it is re-created afterwards)
 * @param probe         for extraction probes: the pair of statements that must not answer differently
 */
record Unit(String family, Kind kind, Sql statement, List<String> readbacks, Set<String> features, boolean sensitive,
            boolean fullyOrdered, boolean generatedKeys, boolean restoreSchema, Probe probe) {

    enum Kind { QUERY, DML, DDL, PROBE }

    /**
     * An extraction probe: the same predicate over one canary's character (or length), once with the true answer and
     * once with a wrong one. Under a correct Veil both answer the same.
     *
     * @param canary   the canary probed (label)
     * @param truthful the statement guessing right
     * @param wrong    the statement guessing wrong
     * @param write    whether the statements write (they then run in a rolled-back transaction)
     */
    record Probe(String canary, String truthful, String wrong, boolean write) {
    }

    String sql() {
        return statement.render();
    }

    boolean writes() {
        return kind == Kind.DML || kind == Kind.PROBE && probe.write();
    }
}
