package dev.veil.benchmarks.peers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application's mix behind HikariCP: {@value #THREADS} threads, a pool of as many connections, each operation
 * borrowing a connection, preparing or creating its statement, reading and handing the connection back. The
 * operations take turns: prepared point selects (masked e-mail, nothing sensitive), plain statements with a new
 * literal (masked, nothing sensitive) and a prepared range read of {@value #RANGE} rows with two masked columns.
 */
record PooledMix(String key, String label) implements Workload {

    static final int THREADS = 8;
    static final int RANGE = 100;

    @Override
    public boolean sensitive() {
        return true;
    }

    @Override
    public Duration slot(RunSettings settings) {
        return settings.mixedSlot();
    }

    @Override
    public Trial open(Contender contender, int rows) throws SQLException {
        return new PoolTrial(contender, rows, operations(contender.sql()));
    }

    @FunctionalInterface
    private interface Operation {
        long run(Connection connection, int id) throws SQLException;
    }

    private static List<Operation> operations(SqlSource sql) throws SQLException {
        String maskedPoint = sql.text("SELECT id, email FROM bench_customers WHERE id = ?");
        String plainPoint = sql.text("SELECT id, city FROM bench_customers WHERE id = ?");
        SqlSource.OpenLiteral maskedLiteral = sql.openLiteral(
                "SELECT id, email FROM bench_customers WHERE id = " + SqlSource.MARKER);
        SqlSource.OpenLiteral plainLiteral = sql.openLiteral(
                "SELECT id, city FROM bench_customers WHERE id = " + SqlSource.MARKER);
        String range = sql.text("SELECT id, email, phone FROM bench_customers WHERE id BETWEEN ? AND ?");
        return List.of(
                (c, id) -> prepared(c, maskedPoint, id),
                (c, id) -> prepared(c, plainPoint, id),
                (c, id) -> statement(c, maskedLiteral.with(id)),
                (c, id) -> statement(c, plainLiteral.with(id)),
                (c, id) -> rangeRead(c, range, id));
    }

    private static long prepared(Connection connection, String sql, int id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) + Consumed.of(rs.getString(2)) : 0;
            }
        }
    }

    private static long statement(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) + Consumed.of(rs.getString(2)) : 0;
        }
    }

    private static long rangeRead(Connection connection, String sql, int id) throws SQLException {
        long checksum = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, id);
            ps.setInt(2, id + RANGE - 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checksum += rs.getInt(1) + Consumed.of(rs.getString(2)) + Consumed.of(rs.getString(3));
                }
            }
        }
        return checksum;
    }

    /** The pool and its threads, which run with the contender's class loader as context loader. */
    private static final class PoolTrial implements Trial {

        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

        private final HikariDataSource pool;
        private final ExecutorService threads;
        private final List<Operation> operations;
        private final int rows;
        private final AtomicInteger nextId = new AtomicInteger();

        PoolTrial(Contender contender, int rows, List<Operation> operations) {
            this.operations = operations;
            this.rows = rows;
            HikariConfig config = new HikariConfig();
            config.setPoolName("peers-" + contender.key());
            config.setDataSource(new ContenderDataSource(contender));
            config.setMaximumPoolSize(THREADS);
            config.setMinimumIdle(THREADS);
            this.pool = new HikariDataSource(config);
            this.threads = Executors.newFixedThreadPool(THREADS, work -> {
                Thread thread = new Thread(work, "peers-" + contender.key());
                thread.setContextClassLoader(contender.loader());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public Slot run(long nanos) throws Exception {
            long start = System.nanoTime();
            long deadline = start + nanos;
            List<Future<Slot>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                workers.add(threads.submit(() -> work(first, deadline)));
            }
            long operationsDone = 0;
            long cpu = 0;
            for (Future<Slot> worker : workers) {
                Slot done = worker.get();
                operationsDone += done.operations();
                cpu += done.cpuNanos();
            }
            return new Slot(operationsDone, System.nanoTime() - start, cpu);
        }

        /** One thread's share: its operations and its CPU time (the pool's housekeeping threads are not counted). */
        private Slot work(int first, long deadline) throws SQLException {
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long done = 0;
            long checksum = 0;
            int turn = first;
            do {
                int id = Math.floorMod(nextId.getAndIncrement(), rows) + 1;
                try (Connection connection = pool.getConnection()) {
                    checksum += operations.get(turn++ % operations.size()).run(connection, id);
                }
                done++;
            } while (System.nanoTime() < deadline);
            Consumed.add(checksum);
            return new Slot(done, System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpuStart);
        }

        @Override
        public void close() {
            threads.shutdownNow();
            try {
                threads.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pool.close();
            }
        }
    }
}
