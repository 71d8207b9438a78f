package dev.veil.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veil usage}: what the usage events say. */
@Command(name = "usage", mixinStandardHelpOptions = true, description = "Reports over Veil's usage events.",
        subcommands = UsageReportCommand.class)
final class UsageCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
