package dev.veil.cli;

import dev.veil.approval.server.cli.ApprovalsCommand;
import dev.veil.approval.server.cli.AuditCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code veil} command. */
@Command(name = "veil", mixinStandardHelpOptions = true, versionProvider = VeilCli.Version.class,
        description = "Veil: a JDBC driver that masks sensitive columns and holds risky statements for approval.",
        subcommands = {DemoCommand.class, RunCommand.class, ExplainCommand.class, ApprovalsCommand.class, AuditCommand.class})
public final class VeilCli {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and answers its exit code; used by tests without exiting the JVM. */
    public static int execute(String... args) {
        return new CommandLine(new VeilCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VeilCli.class.getPackage().getImplementationVersion();
            return new String[] {"veil " + (version == null ? "(development build)" : version)};
        }
    }
}
