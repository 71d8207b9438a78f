package dev.veil.benchmarks.peers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, and what it ran on.
 *
 * @param date         the day of the run (names the report files)
 * @param command      the command that ran it
 * @param settings     how much it measured
 * @param machine      the machine
 * @param loadBefore   load averages when the run started
 * @param loadAfter    load averages when it ended
 * @param databases    each database's product name and version
 * @param contenders   the contenders, in round order
 * @param classPaths   each contender's jars (the vendor drivers are every contender's parent class path)
 * @param workloads    the workloads, in order
 * @param measurements every workload on every database
 * @param p6spyLog     bytes P6Spy logged
 * @param took         how long the run took
 */
record Comparison(String date, String command, RunSettings settings, Machine machine, String loadBefore,
                  String loadAfter, Map<String, String> databases, List<Named> contenders,
                  Map<String, List<String>> classPaths, List<Named> workloads, List<Measurement> measurements,
                  long p6spyLog, Duration took) {

    /** A contender or workload: its key in the JSON report and its name in the markdown one. */
    record Named(String key, String label) {
    }

    /** Every contender that failed somewhere, with the reason. */
    List<String> failures() {
        return measurements.stream().flatMap(m -> m.cells().stream().filter(c -> !c.ran())
                .map(c -> m.database() + " / " + m.workload() + " / " + c.contender() + ": " + c.error())).toList();
    }
}
