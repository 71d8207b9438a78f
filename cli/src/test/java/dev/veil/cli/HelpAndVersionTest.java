package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

    @Test
    void helpListsTheCommands() {
        Cli cli = new Cli();
        assertThat(cli.run("help")).as(cli::err).isZero();
        assertThat(cli.out()).startsWith("Usage: veil ")
                .contains("Commands:", "  help ", "  demo ", "  run ", "  explain ", "  check ", "  classify ",
                        "  usage ", "  approvals ", "  audit ",
                        "Run 'veil help COMMAND' for a command's options.");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void helpOfACommandShowsItsOptions() {
        Cli cli = new Cli();
        assertThat(cli.run("help", "run")).as(cli::err).isZero();
        assertThat(cli.out()).startsWith("Usage: veil run ")
                .contains("--url=URL", "--password", "--file=FILE", "--format=FORMAT", "table, csv, json",
                        "VEIL_DB_PASSWORD");
    }

    @Test
    void everyCommandHasHelpAndTheAuditLogCommandsJoinVerify() {
        for (String[] command : new String[][] {{"classify"}, {"check"}, {"usage", "report"}, {"audit", "list"},
                {"audit", "show"}, {"audit", "export"}}) {
            Cli cli = new Cli();
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            assertThat(cli.run(args)).as(cli::err).isZero();
            assertThat(cli.out()).startsWith("Usage: veil " + String.join(" ", command) + " ");
        }
        Cli audit = new Cli();
        assertThat(audit.run("audit", "--help")).isZero();
        assertThat(audit.out()).contains("  verify ", "  list ", "  show ", "  export ");
    }

    @Test
    void versionIsThisBuildsWithItsDrivers() {
        Cli cli = new Cli();
        assertThat(cli.run("--version")).as(cli::err).isZero();
        String[] lines = cli.out().split("\n");
        assertThat(lines[0]).matches("veil \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        String version = "\\d+\\.\\d+\\.\\d+";
        assertThat(lines[1]).matches("drivers: PostgreSQL JDBC " + version + ", MariaDB Connector/J " + version
                + ", H2 " + version);
        assertThat(lines[2]).startsWith("Java " + System.getProperty("java.version"));
    }
}
