package dev.veil.cli;

import dev.veil.driver.explain.Explanation;
import dev.veil.driver.jdbc.VeilConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows what Veil would do with a statement, without running it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show what Veil would do with a statement: its kind, the sensitive columns it touches and why,"
                + " the masks and predicate decisions, and the SQL the database would receive — or why it would be"
                + " refused. Nothing is executed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the statement would run", "1:it would be refused", "2:Veil could not connect"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "SQL", description = "The statement to explain")
    String sql;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Connection c = connection.open()) {
            Explanation explanation = c.unwrap(VeilConnection.class).explain(sql);
            out.print(explanation.render());
            out.flush();
            return explanation.refusal() == null ? 0 : 1;
        } catch (SQLException e) {
            err.println(e.getMessage() + " [SQLState " + e.getSQLState() + "]");
            return 2;
        }
    }
}
