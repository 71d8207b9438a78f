package dev.veil.approval.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veil approvals}: the approval server's commands. */
@Command(name = "approvals", description = "The approval server: REST API and Slack app for risky statements.",
        mixinStandardHelpOptions = true, subcommands = ServeCommand.class)
public final class ApprovalsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
