package dev.veil.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;

/** A workload on one connection of its own, repeating one operation; the timing loop all but the pool share. */
abstract class SingleConnectionTrial implements Trial {

    /** The clock is read about this often, so that reading it costs nothing next to sub-microsecond operations. */
    private static final long CLOCK_EVERY_NANOS = 50_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    protected final Connection connection;
    private final int rows;
    private int id;
    protected long checksum;

    SingleConnectionTrial(Connection connection, int rows) {
        this.connection = connection;
        this.rows = rows;
    }

    /** The next key: 1, 2, … rows, 1, … */
    protected final int nextId() {
        id = id % rows + 1;
        return id;
    }

    protected abstract void operation() throws SQLException;

    @Override
    public Slot run(long nanos) throws SQLException {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + nanos;
        long now = start;
        long operations = 0;
        int batch = 1;
        while (true) {
            long batchStart = now;
            for (int i = 0; i < batch; i++) {
                operation();
            }
            operations += batch;
            now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            if (now - batchStart < CLOCK_EVERY_NANOS && batch < (1 << 16)) {
                batch <<= 1;
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        Consumed.add(checksum);
        return new Slot(operations, now - start, cpu);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
