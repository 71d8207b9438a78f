package dev.veil.cli;

import dev.veil.driver.jdbc.VeilConnection;
import dev.veil.driver.stages.Explanation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows what Veil would do with a statement, without running it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show what Veil would do with a statement: its kind, the sensitive columns it touches and why,"
                + " the masks and predicate decisions, and the SQL the database would receive — or why it would be"
                + " refused. Nothing is executed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the statement would run", "1:it would be refused",
                "2:Veil could not connect, or the SQL could not be read"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    /** The statement: as an argument, or from a file or standard input. */
    static final class Input {
        @Parameters(paramLabel = "SQL", description = "The statement to explain")
        String sql;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE",
                description = "Explain the SQL in FILE ('-': read it from standard input)")
        Path file;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String sql;
        try {
            sql = input.file == null ? input.sql : SqlScript.read(input.file, System.in);
        } catch (SqlScript.Unreadable e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        try (Connection c = connection.open()) {
            Explanation explanation = c.unwrap(VeilConnection.class).explain(sql);
            out.print(explanation.render());
            out.flush();
            return explanation.refusal() == null ? 0 : 1;
        } catch (SQLException e) {
            err.println(e.getMessage() + " [SQLState " + e.getSQLState() + "]");
            err.flush();
            return 2;
        }
    }
}
