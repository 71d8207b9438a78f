package dev.veil.it.fuzz;

import dev.veil.it.support.TestDatabase.Engine;
import java.util.Set;

/**
 * Something the oracles caught.
 *
 * @param kind      LEAK (a canary in what Veil returned), EXTRACTION (a probe pair answered differently) or
 *                  TRANSPARENCY (a statement touching nothing sensitive behaved differently from the vendor driver)
 * @param signature what makes two findings the same (kind, family, column, route, encoding…)
 * @param engine    where
 * @param seed      the run's seed
 * @param index     the unit's number in the run: {@code -Dveil.fuzz.seed=<seed> -Dveil.fuzz.only=<index>} repeats it
 * @param family    the unit's family
 * @param features  the unit's feature tags
 * @param statement the statement as generated (for probes: the truthful one)
 * @param minimized a smaller statement that still shows the finding, or null
 * @param detail    what was seen (never the canary itself: its label, the encoding and the route)
 * @param gap       the {@link KnownGaps} entry it falls under, or null
 */
record Finding(Kind kind, String signature, Engine engine, long seed, long index, String family, Set<String> features,
               String statement, String minimized, String detail, KnownGaps.Gap gap) {

    enum Kind { LEAK, EXTRACTION, TRANSPARENCY }

    String describe() {
        StringBuilder b = new StringBuilder();
        b.append(kind).append(" on ").append(engine).append(" — ").append(family).append(" (seed ").append(seed)
                .append(", unit ").append(index).append(")");
        if (gap != null) {
            b.append(" [known gap ").append(gap.finding()).append("]");
        }
        b.append("\n    ").append(detail);
        b.append("\n    statement: ").append(statement);
        if (minimized != null && !minimized.equals(statement)) {
            b.append("\n    minimized: ").append(minimized);
        }
        b.append("\n    features: ").append(features);
        return b.toString();
    }
}
