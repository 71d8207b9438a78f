package dev.veil.approval.server.cli;

import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.config.ConfigException;
import dev.veil.approval.server.config.ConfigLoader;
import dev.veil.approval.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veil approvals serve --config FILE}: runs the approval server until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the approval server (REST API and Slack app) until stopped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:the server failed to start or stopped with an error",
                "2:the configuration is invalid"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The server configuration (YAML); see docs/approvals.md.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig serverConfig;
        try {
            serverConfig = ConfigLoader.fromSystemEnvironment().load(config);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("veil: " + e.getMessage());
            return 2;
        }
        ApprovalServer server;
        try {
            server = ApprovalServer.start(serverConfig);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("veil: the approval server cannot start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "veil-approvals-shutdown"));
        String slack = serverConfig.slack() == null ? ""
                : serverConfig.slack().socketMode() ? " (Slack: Socket Mode)"
                : " (Slack request URL: " + server.slackEventsUrl() + ")";
        spec.commandLine().getOut().println("veil: approvals listening on " + server.baseUrl() + slack);
        if (serverConfig.web() != null) {
            String page = serverConfig.web().publicUrl() != null ? serverConfig.web().publicUrl()
                    : server.baseUrl().toString();
            spec.commandLine().getOut().println("veil: reviewer page at " + page + "web/");
        }
        spec.commandLine().getOut().flush();
        server.join();
        return 0;
    }
}
