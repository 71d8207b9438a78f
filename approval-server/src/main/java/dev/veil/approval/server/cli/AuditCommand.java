package dev.veil.approval.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veil audit}: the audit log's commands. */
@Command(name = "audit", description = "The approval audit log.", mixinStandardHelpOptions = true,
        subcommands = AuditVerifyCommand.class)
public final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
