package dev.veil.cli;

import dev.veil.driver.explain.Explanation;
import dev.veil.driver.jdbc.VeilConnection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What Veil would do with every statement of a workload, and how many of each, without running any. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Report what Veil would do with every statement of a workload — allowed, masked, held for"
                + " approval, or refused (with the rule) — and the totals, without running any: see what a policy"
                + " change would break before it ships. Statements are shown with their literals redacted.",
                "The workload is SQL separated by ';' (standard input, or --file), one statement per line"
                        + " (--input lines), or a PostgreSQL server log with log_statement = all"
                        + " (--input postgresql-log)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no statement would be refused", "1:some would be refused",
                "2:the command line is wrong, Veil could not connect, or the workload could not be read"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", defaultValue = SqlScript.STDIN,
            description = "The workload ('-', the default: standard input)")
    Path file;

    @Option(names = "--input", paramLabel = "KIND", defaultValue = "sql",
            description = "How the workload is written: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Workload input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<String> statements = input.statements(SqlScript.read(file, System.in), connection.url);
            Report.Builder report = Report.of("n", "decision", "rule", "statement", "reason");
            Map<String, Integer> totals = new LinkedHashMap<>();
            for (String decision : List.of("ALLOWED", "MASKED", "HELD_FOR_APPROVAL", "REFUSED")) {
                totals.put(decision, 0);
            }
            try (Connection c = connection.open()) {
                VeilConnection veil = c.unwrap(VeilConnection.class);
                int n = 0;
                for (String sql : statements) {
                    n++;
                    Explanation e = explain(veil, sql);
                    totals.merge(e.decision(), 1, Integer::sum);
                    report.row(n, e.decision(), e.rule(), redacted(e), e.refusal());
                }
            }
            format.report(report.build(), out);
            String summary = statements.size() + (statements.size() == 1 ? " statement: " : " statements: ")
                    + totals.entrySet().stream().map(t -> t.getValue() + " " + label(t.getKey()))
                    .collect(Collectors.joining(", "));
            if (format == OutputFormat.TABLE) {
                out.println(summary);
            } else {
                err.println("veil: " + summary);
            }
            return totals.get("REFUSED") > 0 ? 1 : 0;
        } catch (SqlScript.Unreadable e) {
            err.println(e.getMessage());
            return 2;
        } catch (SQLException e) {
            err.println(e.getMessage() + " [SQLState " + e.getSQLState() + "]");
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The explanation; an error of the database while planning (not a refusal) counts as a refusal of its own. */
    private static Explanation explain(VeilConnection veil, String sql) {
        try {
            return veil.explain(sql);
        } catch (SQLException e) {
            return new Explanation(sql, "", "", false, List.of(), List.of(), List.of(), "REFUSED", "error",
                    null, "the database reported an error while Veil planned it: SQLState " + e.getSQLState());
        }
    }

    /** The statement with its literals replaced by {@code ?}; never its literal values. */
    private static String redacted(Explanation e) {
        if (e.statements().isEmpty()) {
            return "(not readable by Veil's analyzer; text withheld)";
        }
        return e.statements().stream().map(Explanation.Statement::redacted).collect(Collectors.joining("; "));
    }

    private static String label(String decision) {
        return decision.toLowerCase(java.util.Locale.ROOT).replace("held_for_approval", "held for approval");
    }
}
