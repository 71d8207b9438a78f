package dev.veil.cli;

import dev.veil.approval.server.cli.ApprovalsCommand;
import dev.veil.approval.server.cli.AuditCommand;
import dev.veil.mcp.McpCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code veil} command. */
@Command(name = "veil", mixinStandardHelpOptions = true, versionProvider = VeilCli.Version.class,
        description = "Veil: a JDBC driver that masks sensitive columns and holds risky statements for approval.",
        subcommands = {HelpCommand.class, DemoCommand.class, RunCommand.class, ExplainCommand.class, CheckCommand.class,
                ClassifyCommand.class, UsageCommand.class,
                ApprovalsCommand.class, AuditCommand.class, McpCommand.class},
        footer = {"", "Run 'veil help COMMAND' for a command's options."})
public final class VeilCli {

    /** The database password, when --password does not ask for it. */
    static final String PASSWORD_VARIABLE = "VEIL_DB_PASSWORD";

    private final Map<String, String> environment;

    private VeilCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and answers its exit code; used by tests without exiting the JVM. */
    public static int execute(String... args) {
        return commandLine(System.getenv()).execute(args);
    }

    /** Runs the command line writing to {@code out} and {@code err}; for tests of the command outside this package. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine(System.getenv());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The command line, reading {@link #PASSWORD_VARIABLE} from {@code environment}. */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new VeilCli(environment));
        // the approval server's module owns 'audit verify'; reading the log for people is the CLI's
        cli.getSubcommands().get("audit").addSubcommand(new AuditListCommand()).addSubcommand(new AuditShowCommand())
                .addSubcommand(new AuditExportCommand());
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The value of an environment variable, or null. */
    String environment(String name) {
        return environment.get(name);
    }

    /** This build's version and the vendor drivers it bundles, as Maven wrote them into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = new Properties();
            try (InputStream in = VeilCli.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing from the CLI's resources");
                }
                build.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                "veil " + build.getProperty("version"),
                "drivers: PostgreSQL JDBC " + build.getProperty("postgresql") + ", MariaDB Connector/J "
                        + build.getProperty("mariadb") + ", H2 " + build.getProperty("h2"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
