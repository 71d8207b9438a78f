package dev.veil.benchmarks.peers;

import java.time.Duration;
import java.util.List;

/**
 * How much the comparison measures.
 *
 * @param databases    the databases, in order: postgresql, mariadb, h2
 * @param workloads    the keys of the workloads to run; empty for all
 * @param contenders   the keys of the contenders to run besides the vendor driver; empty for all
 * @param rows         rows in the table (the streamed reads read them all)
 * @param warmupRounds rounds run first and not counted (the JIT compiles every contender's code in them)
 * @param rounds       rounds counted; ratios are the median over them
 * @param pointSlot    time per contender and round for point selects and plain statements
 * @param streamSlot   the same for streamed reads
 * @param mixedSlot    the same for the pooled mix
 */
record RunSettings(List<String> databases, List<String> workloads, List<String> contenders, int rows,
                   int warmupRounds, int rounds, Duration pointSlot, Duration streamSlot, Duration mixedSlot) {

    static final List<String> ALL_DATABASES = List.of("postgresql", "mariadb", "h2");

    /** The full comparison: about 12 minutes on two cores (six contenders share the time five had). */
    static RunSettings full() {
        return new RunSettings(ALL_DATABASES, List.of(), List.of(), 200_000, 2, 5, Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ofMillis(850));
    }

    /** One short round of every workload and contender: proves the harness runs, measures nothing. */
    static RunSettings smoke() {
        return new RunSettings(ALL_DATABASES, List.of(), List.of(), 2_000, 0, 1, Duration.ofMillis(30),
                Duration.ofMillis(30),
                Duration.ofMillis(60));
    }
}
