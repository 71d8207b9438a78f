package dev.veil.benchmarks.peers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run was measured on, as far as Java and /proc tell.
 *
 * @param cores        processors available to the JVM (what {@code nproc} prints)
 * @param memory       total memory
 * @param cpu          the CPU model
 * @param os           operating system and architecture
 * @param jdk          the Java runtime
 * @param jvmArguments the JVM's arguments
 */
record Machine(int cores, String memory, String cpu, String os, String jdk, List<String> jvmArguments) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemory(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The 1-, 5- and 15-minute load averages, or "unknown". */
    static String loadAverage() {
        return read("/proc/loadavg").map(line -> String.join(" ", List.of(line.trim().split("\\s+")).subList(0, 3)))
                .orElse("unknown");
    }

    private static String totalMemory() {
        return field("/proc/meminfo", "MemTotal").map(value -> {
            long kib = Long.parseLong(value.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
        }).orElse("unknown");
    }

    private static String cpuModel() {
        return field("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    private static Optional<String> field(String file, String name) {
        return read(file).flatMap(text -> text.lines().filter(line -> line.startsWith(name))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst());
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
