package dev.veil.benchmarks.peers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One workload on one database: every contender's throughput per counted round (operations per second) and, for
 * the contenders that failed, why.
 */
record Measurement(String database, String workload, List<Cell> cells) {

    /** One contender's rounds. */
    record Cell(String contender, List<Double> operationsPerSecond, String error) {

        boolean ran() {
            return error == null && !operationsPerSecond.isEmpty();
        }
    }

    Cell cell(String contender) {
        return cells.stream().filter(c -> c.contender().equals(contender)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no contender " + contender));
    }

    /**
     * The contender's throughput relative to the vendor driver's: the ratio in each round (both measured in the same
     * round, so that drift of the machine cancels out), then the median over rounds. Above 1 is faster.
     */
    List<Double> ratios(String contender) {
        Cell vendor = cell(Contender.VENDOR);
        Cell other = cell(contender);
        if (!vendor.ran() || !other.ran()) {
            return List.of();
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(vendor.operationsPerSecond().size(),
                other.operationsPerSecond().size()); round++) {
            ratios.add(other.operationsPerSecond().get(round) / vendor.operationsPerSecond().get(round));
        }
        return ratios;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
