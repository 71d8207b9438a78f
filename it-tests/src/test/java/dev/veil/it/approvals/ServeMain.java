package dev.veil.it.approvals;

import dev.veil.approval.server.cli.ServeCommand;
import picocli.CommandLine;

/** {@code veil approvals serve}, as the main class of a separate JVM that the crash tests kill. */
public final class ServeMain {

    private ServeMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }
}
