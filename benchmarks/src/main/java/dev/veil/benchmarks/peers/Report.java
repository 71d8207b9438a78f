package dev.veil.benchmarks.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Writes a run as {@code <date>.md} (the table the README quotes) and {@code <date>.json} (every round's number, the
 * machine, the settings, the class paths).
 */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /** Writes both files into {@code dir}; answers the markdown file. */
    static Path write(Comparison run, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(run.date() + ".json"), JSON.writeValueAsString(json(run)) + "\n");
        Path markdown = dir.resolve(run.date() + ".md");
        Files.writeString(markdown, markdown(run));
        return markdown;
    }

    static String markdown(Comparison run) {
        StringBuilder md = new StringBuilder();
        RunSettings s = run.settings();
        md.append("# Veil and its peers, ").append(run.date()).append("\n\n");
        md.append("Throughput relative to the vendor driver alone, measured in the same run: for each round the ")
                .append("contender's operations per second divided by the vendor driver's in that round, then the ")
                .append("median over ").append(s.rounds()).append(" interleaved rounds. 1.00 = as fast as the vendor ")
                .append("driver; higher is faster. The vendor driver's column gives its own median time per ")
                .append("operation (per pooled operation, all threads together, for the pool).\n\n");
        md.append("- command: `").append(run.command()).append("`\n");
        Machine m = run.machine();
        md.append("- machine: ").append(m.cores()).append(" cores, ").append(m.memory()).append(", ").append(m.cpu())
                .append("; ").append(m.os()).append("; ").append(m.jdk()).append('\n');
        md.append("- load average (1, 5, 15 min) at start: ").append(run.loadBefore()).append("; at end: ")
                .append(run.loadAfter()).append('\n');
        if (underLoad(run.loadBefore()) || underLoad(run.loadAfter())) {
            md.append("- **measured under load**: other processes shared the cores (1-minute load average ")
                    .append(QUIET_LOAD).append(" or more), so the ratios are noisier than on a quiet machine; the ")
                    .append("per-round ranges below show by how much\n");
        }
        md.append("- databases: ");
        md.append(String.join(", ", run.databases().entrySet().stream()
                .map(e -> e.getValue() + (e.getKey().equals("h2") ? " (in memory, in the same JVM)"
                        : " (local server, TCP loopback)")).toList())).append('\n');
        md.append("- contenders: vendor drivers ").append(String.join(", ", run.classPaths().get(
                ContenderLoaders.VENDORS))).append("; Veil ").append(String.join(", ", run.classPaths().get("veil")))
                .append(" (its self-contained jar, built-in policy); P6Spy ")
                .append(String.join(", ", run.classPaths().get("p6spy")))
                .append(" in its default configuration, which logs every statement to a file (")
                .append(String.format(Locale.ROOT, "%.0f MB", run.p6spyLog() / 1e6))
                .append(" in this run); ShardingSphere-JDBC (")
                .append(run.classPaths().get("shardingsphere").stream().filter(j -> j.startsWith("shardingsphere-jdbc"))
                        .findFirst().orElse("?"))
                .append(") with mask rules on the same two columns. Each in a class loader of its own.\n");
        md.append("- settings: ").append(String.format(Locale.ROOT, "%,d", s.rows())).append(" rows; ")
                .append(s.warmupRounds()).append(" warm-up + ").append(s.rounds()).append(" counted rounds; per ")
                .append("contender and round ").append(seconds(s.pointSlot())).append(" (streamed reads ")
                .append(seconds(s.streamSlot())).append(", pool ").append(seconds(s.mixedSlot())).append("); took ")
                .append(run.took().toMinutes()).append(" min ").append(run.took().toSecondsPart()).append(" s\n\n");

        table(md, run, run.contenders(), Report::cell);
        md.append("\nLowest and highest per-round ratio:\n\n");
        table(md, run, run.contenders().subList(1, run.contenders().size()),
                (measurement, contender) -> range(measurement.ratios(contender)));
        md.append("\nClient CPU per operation: the CPU time of the threads that ran the operations (the driver, ")
                .append("Veil or the peer; for H2 also the database, which runs in the same JVM), relative to the ")
                .append("vendor driver's in the same round, median over the rounds; 1.00 = the same, lower is ")
                .append("cheaper. Time spent waiting for the database server is not in it, so this shows what a ")
                .append("contender itself adds where throughput is bound by the server. The vendor driver's ")
                .append("column gives its own CPU time per operation.\n\n");
        table(md, run, run.contenders(), Report::cpuCell);
        List<String> failures = run.failures();
        if (!failures.isEmpty()) {
            md.append("\nFailed:\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    /** The 1-minute load average below which the machine counts as quiet. */
    static final double QUIET_LOAD = 0.5;

    private static boolean underLoad(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]) >= QUIET_LOAD;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One row per measurement, one column per contender, each cell as {@code cell} writes it. */
    private static void table(StringBuilder md, Comparison run, List<Comparison.Named> contenders,
                              BiFunction<Measurement, String, String> cell) {
        md.append("| database | workload |");
        contenders.forEach(c -> md.append(' ').append(c.label()).append(" |"));
        md.append("\n|---|---|");
        contenders.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (Measurement measurement : run.measurements()) {
            md.append("| ").append(databaseName(run, measurement.database())).append(" | ")
                    .append(label(run.workloads(), measurement.workload())).append(" |");
            for (Comparison.Named contender : contenders) {
                md.append(' ').append(cell.apply(measurement, contender.key())).append(" |");
            }
            md.append('\n');
        }
    }

    private static String range(List<Double> ratios) {
        return ratios.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f–%.2f",
                ratios.stream().mapToDouble(d -> d).min().orElseThrow(),
                ratios.stream().mapToDouble(d -> d).max().orElseThrow());
    }

    private static String cpuCell(Measurement measurement, String contender) {
        Measurement.Cell cell = measurement.cell(contender);
        if (!cell.ran()) {
            return "failed";
        }
        if (contender.equals(Contender.VENDOR)) {
            return micros(Measurement.median(cell.cpuMicrosPerOperation()));
        }
        return String.format(Locale.ROOT, "%.2f", Measurement.median(measurement.cpuRatios(contender)));
    }

    private static String micros(double micros) {
        return micros >= 100 ? String.format(Locale.ROOT, "%,.0f µs", micros)
                : String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private static String cell(Measurement measurement, String contender) {
        Measurement.Cell cell = measurement.cell(contender);
        if (!cell.ran()) {
            return "failed";
        }
        if (contender.equals(Contender.VENDOR)) {
            return micros(1e6 / Measurement.median(cell.operationsPerSecond()));
        }
        return String.format(Locale.ROOT, "%.2f", Measurement.median(measurement.ratios(contender)));
    }

    private static String databaseName(Comparison run, String key) {
        String product = run.databases().getOrDefault(key, key);
        return product.contains(" ") ? product.substring(0, product.indexOf(' ')) : product;
    }

    private static String label(List<Comparison.Named> named, String key) {
        return named.stream().filter(n -> n.key().equals(key)).map(Comparison.Named::label).findFirst().orElse(key);
    }

    private static String seconds(java.time.Duration duration) {
        return String.format(Locale.ROOT, "%.2g s", duration.toMillis() / 1000.0);
    }

    private static ObjectNode json(Comparison run) {
        ObjectNode root = JSON.valueToTree(run);
        root.remove("measurements");
        ArrayNode results = root.putArray("results");
        for (Measurement measurement : run.measurements()) {
            ObjectNode result = results.addObject();
            result.put("database", measurement.database());
            result.put("workload", measurement.workload());
            ArrayNode cells = result.putArray("contenders");
            for (Measurement.Cell cell : measurement.cells()) {
                ObjectNode node = cells.addObject();
                node.put("contender", cell.contender());
                if (!cell.ran()) {
                    node.put("error", cell.error());
                    continue;
                }
                node.put("medianMicrosPerOperation", 1e6 / Measurement.median(cell.operationsPerSecond()));
                List<Double> ratios = measurement.ratios(cell.contender());
                if (!ratios.isEmpty()) {
                    node.put("medianRatio", Measurement.median(ratios));
                    node.set("ratios", JSON.valueToTree(ratios));
                }
                node.set("operationsPerSecond", JSON.valueToTree(cell.operationsPerSecond()));
                node.put("medianCpuMicrosPerOperation", Measurement.median(cell.cpuMicrosPerOperation()));
                node.set("cpuMicrosPerOperation", JSON.valueToTree(cell.cpuMicrosPerOperation()));
                List<Double> cpuRatios = measurement.cpuRatios(cell.contender());
                if (!cpuRatios.isEmpty()) {
                    node.put("medianCpuRatio", Measurement.median(cpuRatios));
                }
            }
        }
        return root;
    }
}
