package dev.veil.benchmarks.peers;

import java.sql.SQLException;

/** A workload opened for one contender: connections made and statements prepared, ready to be timed. */
interface Trial extends AutoCloseable {

    /** Runs the workload for about {@code nanos} (finishing the operation under way). */
    Slot run(long nanos) throws Exception;

    @Override
    void close() throws SQLException;

    /**
     * What one timed slot did: operations completed, the time they took, and the CPU time the threads running them
     * spent (the JVM's own share of the work: the driver, Veil or the peer, and — for H2 — the database itself).
     */
    record Slot(long operations, long nanos, long cpuNanos) {

        double operationsPerSecond() {
            return operations * 1e9 / nanos;
        }

        double cpuMicrosPerOperation() {
            return cpuNanos / 1e3 / operations;
        }
    }
}
