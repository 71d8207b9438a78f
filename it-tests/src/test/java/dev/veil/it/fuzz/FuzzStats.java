package dev.veil.it.fuzz;

import java.util.Map;
import java.util.TreeMap;

/** Counters per unit family: what ran, what Veil refused (over-refusal shows here), what the oracles caught. */
final class FuzzStats {

    static final class Counts {
        long units;
        long statements;
        long ran;
        long refused;
        long failed;
        long leaks;
        long extractions;
        long compared;
        long mismatches;
        long overRefused;
        long unconfirmed;
        long knownGap;

        String row(String family) {
            return String.format("| %s | %d | %d | %d | %d (%.0f%%) | %d | %d | %d | %d | %d | %d | %d |", family,
                    units,
                    statements, ran, refused, units == 0 ? 0.0 : 100.0 * refused / Math.max(1, ran + refused + failed),
                    failed, leaks, extractions, compared, mismatches, overRefused, knownGap);
        }

        void add(Counts o) {
            units += o.units;
            statements += o.statements;
            ran += o.ran;
            refused += o.refused;
            failed += o.failed;
            leaks += o.leaks;
            extractions += o.extractions;
            compared += o.compared;
            mismatches += o.mismatches;
            overRefused += o.overRefused;
            unconfirmed += o.unconfirmed;
            knownGap += o.knownGap;
        }
    }

    final Map<String, Counts> byFamily = new TreeMap<>();
    /** How often each refusal reason came up (over-refusal shows here). */
    final Map<String, Long> refusals = new TreeMap<>();

    /** The first statement refused for each reason. */
    final Map<String, String> refusalExamples = new TreeMap<>();

    void refusal(Observation o, String sql) {
        String reason = o.refusalReason();
        if (reason != null) {
            String key = reason.length() > 160 ? reason.substring(0, 160) + "…" : reason;
            refusals.merge(key, 1L, Long::sum);
            refusalExamples.putIfAbsent(key, sql.length() > 300 ? sql.substring(0, 300) + "…" : sql);
        }
    }

    String refusalTable() {
        StringBuilder b = new StringBuilder("| refusals | reason | first example |\n|---|---|---|\n");
        refusals.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(25)
                .forEach(e -> b.append("| ").append(e.getValue()).append(" | ").append(e.getKey().replace("|", "\\|"))
                        .append(" | `").append(refusalExamples.get(e.getKey()).replace("|", "\\|")
                                .replace("`", "'")).append("` |\n"));
        return b.toString();
    }

    Counts of(String family) {
        return byFamily.computeIfAbsent(family, f -> new Counts());
    }

    void outcome(String family, Observation.Outcome outcome) {
        Counts c = of(family);
        c.statements++;
        switch (outcome) {
            case RAN -> c.ran++;
            case REFUSED -> c.refused++;
            case FAILED -> c.failed++;
        }
    }

    Counts total() {
        Counts t = new Counts();
        byFamily.values().forEach(t::add);
        return t;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append("| family | units | statements | ran | refused | db errors | leaks | extractions | compared |"
                + " mismatches | over-refused | findings in known gaps |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        byFamily.forEach((f, c) -> b.append(c.row(f)).append('\n'));
        b.append(total().row("**total**")).append('\n');
        return b.toString();
    }
}
