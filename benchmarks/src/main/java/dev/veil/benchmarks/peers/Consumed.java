package dev.veil.benchmarks.peers;

/** Where the workloads put what they read, so that no reading can be optimised away. */
final class Consumed {

    private static volatile long total;

    private Consumed() {
    }

    static void add(long checksum) {
        total += checksum;
    }

    static long total() {
        return total;
    }

    static long of(String value) {
        return value == null ? 0 : value.length();
    }
}
