package dev.veil.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs SQL statements through a {@code jdbc:veil:} connection and prints what they return. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run SQL through Veil and print the results as tables.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(arity = "1..*", paramLabel = "SQL", description = "Statements to run, in order")
    String[] statements;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Connection c = connection.open()) {
            for (String sql : statements) {
                run(c, sql, out);
            }
            return 0;
        } catch (SQLException e) {
            err.println(e.getMessage() + " [SQLState " + e.getSQLState() + "]");
            return 1;
        }
    }

    private static void run(Connection connection, String sql, PrintWriter out) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute(sql);
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = statement.getResultSet()) {
                        TablePrinter.print(rs, out);
                    }
                } else {
                    int count = statement.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    out.println(count + (count == 1 ? " row" : " rows") + " affected");
                }
                isResultSet = statement.getMoreResults();
            }
        }
        out.flush();
    }
}
