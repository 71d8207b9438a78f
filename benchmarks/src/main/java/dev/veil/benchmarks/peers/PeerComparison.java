package dev.veil.benchmarks.peers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Veil next to its peers — the vendor driver alone, the vendor driver sending Veil's rewritten SQL, P6Spy and
 * ShardingSphere-JDBC — on every workload and database, interleaved round by round so that every ratio comes from
 * one run; writes {@code <date>.md} and {@code <date>.json}. Run it with {@code bash benchmarks/compare-peers.sh}
 * (see the README, section Performance).
 */
@Command(name = "compare-peers", mixinStandardHelpOptions = true,
        description = "Measures Veil against the vendor driver, P6Spy and ShardingSphere-JDBC.")
public final class PeerComparison implements Callable<Integer> {

    /** The command recorded in the report; the run script sets it. */
    static final String COMMAND_PROPERTY = "veil.bench.command";

    @Option(names = "--smoke", description = "one short round of everything on a small table (what CI runs)")
    boolean smoke;

    @Option(names = "--databases", split = ",", description = "postgresql, mariadb, h2 (default: all)")
    List<String> databases;

    @Option(names = "--workloads", split = ",", description = "workload keys, e.g. statement-masked (default: all)")
    List<String> workloads;

    @Option(names = "--contenders", split = ",",
            description = "contender keys besides the vendor driver, e.g. veil (default: all; for profiling)")
    List<String> contenders;

    @Option(names = "--rows", description = "rows in the table (default: 200000)")
    Integer rows;

    @Option(names = "--rounds", description = "counted rounds (default: 5)")
    Integer rounds;

    @Option(names = "--warmup-rounds", description = "uncounted rounds first (default: 2)")
    Integer warmupRounds;

    @Option(names = "--out", description = "directory of the reports (default: benchmarks/results)")
    Path out = Path.of("benchmarks", "results");

    public static void main(String[] args) {
        System.exit(new CommandLine(new PeerComparison()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RunSettings base = smoke ? RunSettings.smoke() : RunSettings.full();
        RunSettings settings = new RunSettings(databases != null ? databases : base.databases(),
                workloads != null ? workloads : base.workloads(),
                contenders != null ? contenders : base.contenders(), rows != null ? rows : base.rows(),
                warmupRounds != null ? warmupRounds : base.warmupRounds(), rounds != null ? rounds : base.rounds(),
                base.pointSlot(), base.streamSlot(), base.mixedSlot());
        Comparison run = run(settings, System.getenv(), System.err);
        Path markdown = Report.write(run, out);
        System.out.print(Files.readString(markdown));
        System.err.println("written: " + markdown + " and its .json");
        return run.failures().isEmpty() ? 0 : 1;
    }

    /** Runs the comparison; reports progress on {@code progress}. */
    static Comparison run(RunSettings settings, Map<String, String> env, PrintStream progress) throws Exception {
        long started = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        List<BenchDatabase> targets = settings.databases().stream().map(key -> BenchDatabase.named(key, env))
                .toList();
        Path scratch = Files.createTempDirectory("veil-peers");
        Map<String, String> versions = new LinkedHashMap<>();
        List<Measurement> measurements = new ArrayList<>();
        List<Comparison.Named> contenderNames = List.of();
        Map<String, List<String>> classPaths = new LinkedHashMap<>();
        List<Workload> workloads = Workloads.all().stream()
                .filter(w -> settings.workloads().isEmpty() || settings.workloads().contains(w.key())).toList();
        Interleaving interleaving = new Interleaving(settings, progress);
        long p6spyLog;
        try {
            ContenderLoaders loaders = new ContenderLoaders(ClassPaths.locate());
            for (BenchDatabase database : targets) {
                progress.println("[" + database.key() + "] filling " + BenchDatabase.TABLE + " with "
                        + settings.rows() + " rows");
                try (Connection vendor = loaders.vendorDriver(database.url()).connect(database.url(),
                        database.credentials())) {
                    versions.put(database.key(), database.fill(vendor, settings.rows()));
                }
                List<Contender> all = Contenders.on(database, loaders, scratch);
                try {
                    List<Contender> contenders = all.stream().filter(c -> c.isVendor()
                            || settings.contenders().isEmpty() || settings.contenders().contains(c.key())).toList();
                    contenderNames = contenders.stream().map(c -> new Comparison.Named(c.key(), c.label())).toList();
                    measurements.addAll(measure(database, contenders, workloads, interleaving));
                } finally {
                    for (Contender contender : all) {
                        contender.close();
                    }
                }
            }
            for (String name : List.of(ContenderLoaders.VENDORS, "veil", "p6spy", "shardingsphere")) {
                classPaths.put(name, ClassPaths.locate().jarNames(name));
            }
        } finally {
            p6spyLog = deleteScratch(scratch);
        }
        return new Comparison(LocalDate.now().toString(), System.getProperty(COMMAND_PROPERTY,
                "java " + PeerComparison.class.getName()), settings, Machine.describe(), loadBefore,
                Machine.loadAverage(), versions, contenderNames, classPaths,
                workloads.stream().map(w -> new Comparison.Named(w.key(), w.label())).toList(), measurements,
                p6spyLog, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Checks that every contender masks what it should, then runs every workload on {@code database}. */
    private static List<Measurement> measure(BenchDatabase database, List<Contender> contenders,
                                             List<Workload> workloads, Interleaving interleaving) throws SQLException {
        for (Contender contender : contenders) {
            MaskCheck.verify(contender);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (Workload workload : workloads) {
            measurements.add(interleaving.run(database.key(), workload, contenders));
        }
        return measurements;
    }

    /** Removes the scratch directory (P6Spy's log, ShardingSphere's configuration); answers the log's size. */
    private static long deleteScratch(Path scratch) throws IOException {
        Path log = scratch.resolve(Contenders.P6SPY_LOG);
        long size = Files.exists(log) ? Files.size(log) : 0;
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        return size;
    }
}
