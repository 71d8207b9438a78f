package dev.veil.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs SQL statements through a {@code jdbc:veil:} connection and prints what they return. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run SQL through Veil and print the results as tables.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, description = "A jdbc:veil: URL, e.g. jdbc:veil:h2:mem:scratch")
    String url;

    @Option(names = "--user", description = "Database user")
    String user;

    @Option(names = "--password", description = "Database password (or set it in the URL or environment)",
            interactive = true, arity = "0..1")
    String password;

    @Option(names = {"-p", "--property"}, description = "Connection property, e.g. -p veil.allowUnwrap=false")
    Map<String, String> properties = new LinkedHashMap<>();

    @Parameters(arity = "1..*", paramLabel = "SQL", description = "Statements to run, in order")
    String[] statements;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Properties props = new Properties();
        props.putAll(properties);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(url, props)) {
            for (String sql : statements) {
                run(connection, sql, out);
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
