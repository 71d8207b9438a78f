package dev.veil.it.fuzz;

import dev.veil.it.support.TestDatabase.Engine;
import java.util.List;
import java.util.Set;

/**
 * The statement families that leak today, each naming its finding in {@code fuzz/FINDINGS.md}. Units of these families
 * still run and are reported, but their findings of the listed kind (and, for leaks, route) do not fail the seeded
 * run; everything else is asserted strictly. Remove an entry when the fix for its finding lands (the run then asserts
 * that family again).
 */
final class KnownGaps {

    private KnownGaps() {
    }

    /**
     * One gap.
     *
     * @param finding  the finding's id in FINDINGS.md, e.g. {@code F-03}
     * @param title    what leaks
     * @param engines  where
     * @param family   a unit family, or a prefix ending in {@code .} (e.g. {@code probe.where.})
     * @param features feature tags the unit must all have (empty: any unit of the family)
     * @param kind     the kind of finding excused
     * @param route    for leaks, the route ({@link CanaryOracle.Hit#route()}) excused; for transparency findings, the
     *                 kind of difference (outcome, columns, rows, update counts, readback); null for any
     */
    record Gap(String finding, String title, Set<Engine> engines, String family, Set<String> features,
               Finding.Kind kind, String route) {
        boolean matches(Engine engine, Unit u, Finding.Kind k, String r) {
            return engines.contains(engine)
                    && (family.endsWith(".") ? u.family().startsWith(family) : u.family().equals(family))
                    && u.features().containsAll(features) && kind == k && (route == null || route.equals(r));
        }
    }

    static final List<Gap> GAPS = List.of();

    /** The gap a finding of a unit falls in, or null. */
    static Gap of(Engine engine, Unit u, Finding.Kind kind, String route) {
        for (Gap g : GAPS) {
            if (g.matches(engine, u, kind, route)) {
                return g;
            }
        }
        return null;
    }
}
