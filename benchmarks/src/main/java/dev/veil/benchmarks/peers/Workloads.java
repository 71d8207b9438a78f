package dev.veil.benchmarks.peers;

import java.util.List;

/** The comparison's workloads, in report order. */
final class Workloads {

    private Workloads() {
    }

    static List<Workload> all() {
        String literal = Integer.toString(SqlSource.MARKER);
        return List.of(
                new PreparedPointSelect("prepared-masked", "prepared point select, masked e-mail", true,
                        "SELECT id, email FROM bench_customers WHERE id = ?"),
                new PreparedPointSelect("prepared-plain", "prepared point select, nothing sensitive", false,
                        "SELECT id, city FROM bench_customers WHERE id = ?"),
                new StreamedRead("stream-masked", "streamed read of every row, 2 masked columns", true,
                        "SELECT id, email, phone FROM bench_customers"),
                new StreamedRead("stream-plain", "streamed read of every row, nothing sensitive", false,
                        "SELECT id, city, segment FROM bench_customers"),
                new NewLiteralStatement("statement-masked", "plain Statement, new literal each time, masked e-mail",
                        true, "SELECT id, email FROM bench_customers WHERE id = " + literal),
                new NewLiteralStatement("statement-plain", "plain Statement, new literal each time, nothing sensitive",
                        false, "SELECT id, city FROM bench_customers WHERE id = " + literal),
                new PooledMix("pool-mix", "HikariCP, " + PooledMix.THREADS + " threads, mixed operations"));
    }
}
