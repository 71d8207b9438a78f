package dev.veil.cli;

import dev.veil.approval.server.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veil usage report}: who touched which classes of data, how, and how much. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Who touched which classes of sensitive data, how (allowed, masked, exempt, refused, held,"
                + " approved) and how many rows, grouped by requester, application, table, class, day or decision."
                + " Reads the driver's usage events: a JSON-lines file (veil.audit.file) or the approval server's"
                + " audit log (veil.audit.ship).",
                "--format html writes one self-contained page with charts, to keep or mail: it fetches nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reported", "2:the command line is wrong, or the events could not be read"})
final class UsageReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE", description = "A JSON-lines file of usage events ('-':"
            + " standard input); repeat for several. Or name the approval server's audit log:")
    List<Path> files;

    @Mixin
    AuditStoreOptions store;

    @Option(names = "--by", paramLabel = "DIMENSION", split = ",", defaultValue = "requester,class,decision",
            description = "Group by these, in order: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    List<UsageDimension> by;

    @Option(names = "--since", paramLabel = "TIME", description = "Events at or after TIME: 2026-12-01 (UTC) or"
            + " 2026-12-01T09:00:00Z")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Events before TIME")
    String until;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or html (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String kind = format.toLowerCase(Locale.ROOT);
            if (!List.of("table", "csv", "json", "html").contains(kind)) {
                err.println("veil: --format must be table, csv, json or html, not " + format);
                return 2;
            }
            Instant from = time("--since", since);
            Instant to = time("--until", until);
            List<UsageEvents.Event> events = new ArrayList<>();
            String described;
            if ((files == null) == !store.given()) {
                err.println("veil: name the usage events: --events FILE, or the approval server's audit log with"
                        + " --config FILE or --store JDBC_URL (one of them)");
                return 2;
            }
            if (files != null) {
                for (Path file : files) {
                    String name = file.toString().equals(SqlScript.STDIN) ? "standard input"
                            : file.toAbsolutePath().toString();
                    events.addAll(UsageEvents.fromJsonLines(SqlScript.read(file, System.in), name));
                }
                described = "usage events from " + String.join(", ", files.stream().map(Path::toString)
                        .toList());
            } else {
                try (Database database = store.open()) {
                    events.addAll(UsageEvents.fromAuditLog(database, from, to));
                }
                described = "usage events from the approval server's audit log";
            }
            events.removeIf(e -> from != null && e.event().time().isBefore(from)
                    || to != null && !e.event().time().isBefore(to));
            if (kind.equals("html")) {
                HtmlUsageReport.write(events, by, described, out);
                return 0;
            }
            Report.Builder report = Report.of(header());
            for (UsageSummary.Group g : UsageSummary.of(events, by)) {
                List<Object> row = new ArrayList<>(g.key());
                row.add(g.statements());
                row.add(g.rows());
                report.row(row.toArray());
            }
            OutputFormat.valueOf(kind.toUpperCase(Locale.ROOT)).report(report.build(), out);
            return 0;
        } catch (SqlScript.Unreadable | AuditStoreOptions.Unusable | AuditFilterOptions.BadOption e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("veil: the usage events cannot be read: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private String[] header() {
        List<String> header = new ArrayList<>(by.stream().map(UsageDimension::toString).toList());
        header.add("statements");
        header.add("rows");
        return header.toArray(String[]::new);
    }

    private static Instant time(String option, String text) throws AuditFilterOptions.BadOption {
        if (text == null) {
            return null;
        }
        try {
            return AuditTrail.instant(text);
        } catch (DateTimeParseException e) {
            throw new AuditFilterOptions.BadOption("veil: " + option + " takes a date (2026-12-01) or a time"
                    + " (2026-12-01T09:00:00Z), not " + text);
        }
    }
}
