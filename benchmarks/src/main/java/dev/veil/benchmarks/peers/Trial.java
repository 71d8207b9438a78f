package dev.veil.benchmarks.peers;

import java.sql.SQLException;

/** A workload opened for one contender: connections made and statements prepared, ready to be timed. */
interface Trial extends AutoCloseable {

    /** Runs the workload for about {@code nanos} (finishing the operation under way). */
    Slot run(long nanos) throws Exception;

    @Override
    void close() throws SQLException;

    /** What one timed slot did: operations completed and the time they took. */
    record Slot(long operations, long nanos) {

        double operationsPerSecond() {
            return operations * 1e9 / nanos;
        }
    }
}
