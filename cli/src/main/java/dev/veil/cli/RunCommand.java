package dev.veil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs SQL statements through a {@code jdbc:veil:} connection and prints what they return. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run SQL through Veil and print the results.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every statement ran", "1:a statement was refused or failed, or Veil could not connect",
                "2:the command line is wrong, or the SQL could not be read"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    /** The statements: as arguments, or from a file or standard input. */
    static final class Input {
        @Parameters(index = "0..*", arity = "1..*", paramLabel = "SQL",
                description = "Statements to run, in order (one argument may hold several, separated by ';')")
        List<String> statements;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE",
                description = "Run the statements in FILE, separated by ';' ('-': read them from standard input)")
        Path file;
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultWriter writer = format.writer(out);
        try {
            List<String> statements = input.file == null ? input.statements
                    : SqlScript.statements(SqlScript.read(input.file, System.in), connection.url);
            try (Connection c = connection.open()) {
                for (String sql : statements) {
                    run(c, sql, writer);
                }
            }
            return 0;
        } catch (SqlScript.Unreadable e) {
            err.println(e.getMessage());
            return 2;
        } catch (SQLException e) {
            err.println(e.getMessage() + " [SQLState " + e.getSQLState() + "]");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void run(Connection connection, String sql, ResultWriter writer) throws SQLException,
            IOException {
        try (Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute(sql);
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = statement.getResultSet()) {
                        writer.rows(rs);
                    }
                } else {
                    long count = statement.getLargeUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    writer.updateCount(count);
                }
                isResultSet = statement.getMoreResults();
            }
        }
    }
}
