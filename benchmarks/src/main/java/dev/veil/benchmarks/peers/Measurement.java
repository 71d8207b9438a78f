package dev.veil.benchmarks.peers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One workload on one database: every contender's throughput and client CPU per counted round and, for the
 * contenders that failed, why.
 */
record Measurement(String database, String workload, List<Cell> cells) {

    /**
     * One contender's rounds.
     *
     * @param operationsPerSecond   throughput in each round
     * @param cpuMicrosPerOperation CPU time of the threads that ran the operations, per operation, in each round
     */
    record Cell(String contender, List<Double> operationsPerSecond, List<Double> cpuMicrosPerOperation,
                String error) {

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
        return perRound(contender, Cell::operationsPerSecond);
    }

    /**
     * The contender's client CPU per operation relative to the vendor driver's, per round: what the contender costs
     * the application's JVM, apart from the time spent waiting for the database. Below 1 is cheaper.
     */
    List<Double> cpuRatios(String contender) {
        return perRound(contender, Cell::cpuMicrosPerOperation);
    }

    private List<Double> perRound(String contender, Function<Cell, List<Double>> values) {
        Cell vendor = cell(Contender.VENDOR);
        Cell other = cell(contender);
        if (!vendor.ran() || !other.ran()) {
            return List.of();
        }
        List<Double> ratios = new ArrayList<>();
        List<Double> ours = values.apply(other);
        List<Double> theirs = values.apply(vendor);
        for (int round = 0; round < Math.min(ours.size(), theirs.size()); round++) {
            ratios.add(ours.get(round) / theirs.get(round));
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
