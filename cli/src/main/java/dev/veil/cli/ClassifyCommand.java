package dev.veil.cli;

import dev.veil.driver.engine.Engine;
import dev.veil.driver.engine.Engines;
import dev.veil.policy.Policy;
import dev.veil.policy.PolicyException;
import dev.veil.policy.classify.Classification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scans every table of a database and says which columns are sensitive, and what decided it. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Scan every table of a database (or of one schema) and print each column's class and the"
                + " source that decided it: a rule of the policy, a comment tag, the name, or a content sample (the"
                + " detector and how many samples it matched). Every source is on, whatever the policy's detect"
                + " settings; sampled values are compared, never shown. Connects through the vendor driver.",
                "With --check, exits 1 when a column looks sensitive (by name or samples) but no rule or comment"
                        + " tag covers it: a job for CI or a nightly schedule."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; with --check, every column that looks sensitive is covered",
                "1:with --check, some are not (or a table could not be sampled)",
                "2:the command line is wrong, Veil could not connect, or the policy could not be read or written"})
final class ClassifyCommand implements Callable<Integer> {

    /** Fewer tables than this finish before a progress bar would be of use. */
    private static final int PROGRESS_FROM_TABLES = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--schema", paramLabel = "SCHEMA",
            description = "Only this schema (a database, on MariaDB); default: every schema of the database")
    String schema;

    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "100",
            description = "Rows sampled per table for content detectors; 0 reads no data (default: ${DEFAULT-VALUE})")
    int sampleRows;

    @Option(names = "--check", description = "Exit 1 when a column looks sensitive but no rule or tag covers it;"
            + " print only those columns")
    boolean check;

    @Option(names = "--write-policy", paramLabel = "FILE",
            description = "Write a policy with a rule for each column that looks sensitive and is not covered"
                    + " (FILE must not exist)")
    Path writePolicy;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (sampleRows < 0 || sampleRows > dev.veil.policy.DetectSettings.MAX_SAMPLE_ROWS) {
                err.println("veil: --sample-rows must be between 0 and "
                        + dev.veil.policy.DetectSettings.MAX_SAMPLE_ROWS);
                return 2;
            }
            if (writePolicy != null && Files.exists(writePolicy)) {
                err.println("veil: " + writePolicy.toAbsolutePath() + " exists; remove it or name another file");
                return 2;
            }
            Policy policy = connection.policy();
            SchemaClassifier.Result result;
            try (Connection c = connection.openVendor()) {
                Engine engine = engine(c);
                try (Progress progress = new Progress()) {
                    result = new SchemaClassifier(engine, policy, sampleRows).classify(c, schema, progress);
                }
            }
            result.problems().forEach(p -> err.println("veil: " + p));
            format.report(report(result), out);
            if (writePolicy != null) {
                Files.writeString(writePolicy, StartingPolicy.text(result.uncovered(), connection.vendorUrl()
                        .replaceAll("\\?.*", ""), connection.policy != null), StandardCharsets.UTF_8);
                err.println("veil: wrote " + writePolicy.toAbsolutePath() + " with " + result.uncovered().size()
                        + " rules");
            }
            if (check) {
                return checkOutcome(result, err);
            }
            return 0;
        } catch (SQLException e) {
            err.println(e.getMessage() + " [SQLState " + e.getSQLState() + "]");
            return 2;
        } catch (PolicyException | IOException e) {
            err.println("veil: cannot write the policy: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int checkOutcome(SchemaClassifier.Result result, PrintWriter err) {
        int uncovered = result.uncovered().size();
        if (uncovered == 0 && result.problems().isEmpty()) {
            err.println("veil: " + result.tables() + " tables checked; every column that looks sensitive is covered"
                    + " by a rule or a comment tag");
            return 0;
        }
        err.println("veil: " + uncovered + (uncovered == 1 ? " column looks" : " columns look") + " sensitive with no"
                + " rule or comment tag" + (result.problems().isEmpty() ? ""
                : ", and " + result.problems().size() + " tables could not be sampled")
                + ": add a columns rule (veil classify --write-policy FILE drafts them) or a comment tag"
                + " such as 'veil:email' (or 'veil:none' for a column that is not sensitive)");
        return 1;
    }

    private Report report(SchemaClassifier.Result result) {
        Report.Builder report = Report.of("table", "column", "type", "class", "source", "evidence");
        for (SchemaClassifier.Finding finding : check ? result.uncovered() : result.findings()) {
            Classification c = finding.classification();
            report.row(finding.table().toString(), finding.column().name(), finding.column().typeName(),
                    c == null ? null : c.classId(),
                    c == null ? null : c.source().name().toLowerCase(Locale.ROOT),
                    c == null ? null : c.evidence());
        }
        return report.build();
    }

    private Engine engine(Connection c) throws SQLException {
        String url = connection.vendorUrl();
        Optional<Engine> engine = Engines.ofUrl(url);
        if (engine.isEmpty()) {
            engine = Engines.ofProductName(c.getMetaData().getDatabaseProductName());
        }
        if (engine.isEmpty()) {
            throw new SQLException("veil: classify does not know the database of " + url.replaceAll("\\?.*", "")
                    + "; Veil supports " + Engines.all().stream().map(Engine::name).toList(), "0A000");
        }
        return engine.get();
    }

    /** A progress bar on standard error, on a terminal and for a schema large enough to need one. */
    private final class Progress implements SchemaClassifier.Progress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void start(int tables) {
            if (tables >= PROGRESS_FROM_TABLES && System.console() != null) {
                bar = new ProgressBarBuilder().setTaskName("classifying").setInitialMax(tables).setUnit(" tables", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
        }

        @Override
        public void tableDone() {
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
