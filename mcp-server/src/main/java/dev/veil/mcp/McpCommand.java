package dev.veil.mcp;

import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalClientConfig;
import dev.veil.driver.config.Settings;
import dev.veil.driver.config.VeilUrl;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veil mcp}: serves AI agents over the Model Context Protocol, every statement through Veil. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serve AI agents over the Model Context Protocol: tools to list and describe tables, run SQL"
                + " and explain it, every statement through a jdbc:veil: connection under the agent's identity."
                + " The database credentials stay in this process.",
                "Over standard input/output (default: a desktop agent starts this command) or Streamable HTTP"
                        + " (--http: shared, each agent with its bearer token from --agents)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the agent disconnected (stdio)", "2:the command line or the agents file is wrong"})
public final class McpCommand implements Callable<Integer> {

    /** The database password, read from the environment (an agent's configuration must not hold it). */
    static final String PASSWORD_VARIABLE = "VEIL_DB_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "A jdbc:veil: URL, or a vendor URL to put behind Veil")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user")
    String user;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (sets veil.policy)")
    Path policy;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "Connection property, e.g. -p veil.approval.url=https://…")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--agents", paramLabel = "FILE",
            description = "Agents file: each agent's bearer token, requester, purpose and limits (required with"
                    + " --http)")
    Path agentsFile;

    @Option(names = "--agent", paramLabel = "NAME", defaultValue = "agent",
            description = "Over stdio: the agent served (from --agents, or one of this name; default:"
                    + " ${DEFAULT-VALUE})")
    String agent;

    @Option(names = "--requester", paramLabel = "ID",
            description = "Over stdio without --agents: who asks, as reviewers and the audit see it (default:"
                    + " agent:NAME)")
    String requester;

    @Option(names = "--purpose", paramLabel = "TEXT",
            description = "Over stdio without --agents: the agent's declared purpose, shown to reviewers and in the"
                    + " audit")
    String purpose;

    @Option(names = "--row-cap", paramLabel = "N", defaultValue = "100",
            description = "Over stdio without --agents: the most rows a query returns (default: ${DEFAULT-VALUE})")
    int rowCap;

    @Option(names = "--allow-writes",
            description = "Let agents write (each agent's readOnly may still forbid it). Off: SELECT only.")
    boolean allowWrites;

    @Option(names = "--http", paramLabel = "[HOST:]PORT",
            description = "Serve Streamable HTTP at /mcp on HOST:PORT (default host 127.0.0.1) instead of stdio")
    String http;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Over HTTP: close a session's database connection after it went unused this long (e.g."
                    + " 30m, 2h; never while a statement of it runs or waits for a reviewer); a later call of the"
                    + " session is told to start a new one (default: ${DEFAULT-VALUE})")
    String idleTimeout;

    /** {@code veil mcp} on its own, e.g. {@code java -cp veil.jar dev.veil.mcp.McpCommand --url …}. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new McpCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = System.getenv();
        Map<String, AgentProfile> agents;
        try {
            agents = agentsFile != null ? AgentsFile.read(agentsFile, environment)
                    : Map.of(agent, new AgentProfile(agent, null, requester != null ? requester : "agent:" + agent,
                    Set.of(), !allowWrites, rowCap, null, purpose));
        } catch (IllegalArgumentException | IOException e) {
            err.println("veil mcp: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (http != null && agentsFile == null) {
            err.println("veil mcp: --http needs --agents, the file that gives each agent its bearer token");
            err.flush();
            return 2;
        }
        Duration idle;
        try {
            idle = Settings.parseDuration(idleTimeout);
        } catch (RuntimeException e) {
            idle = Duration.ZERO;
        }
        if (idle.isZero() || idle.isNegative()) {
            err.println("veil mcp: --idle-timeout must be a positive duration such as 30m or 2h, not '" + idleTimeout
                    + "'");
            err.flush();
            return 2;
        }
        Properties props = connectionProperties(environment);
        Optional<ApprovalClient> approvals = approvalClient(props);
        String reviewWhere = approvals.map(a -> "in Slack or on the approval server (" + a.config().baseUrl() + ")")
                .orElse("on the approval server named by the policy");
        Duration wait = props.containsKey(Settings.APPROVAL_TIMEOUT.key())
                ? Settings.parseDuration(props.getProperty(Settings.APPROVAL_TIMEOUT.key()))
                : Settings.APPROVAL_TIMEOUT.defaultValue();
        VeilMcpServer.Connections connections = who -> {
            Properties p = new Properties();
            p.putAll(props);
            p.setProperty(Settings.REQUESTER.key(), who);
            return DriverManager.getConnection(VeilUrl.wrapping(url), p);
        };
        try (VeilMcpServer server = new VeilMcpServer(connections, agents, allowWrites, approvals, wait,
                reviewWhere, idle, java.time.Clock.systemUTC())) {
            if (http != null) {
                int colon = http.lastIndexOf(':');
                String host = colon < 0 ? "127.0.0.1" : http.substring(0, colon);
                int port = Integer.parseInt(colon < 0 ? http : http.substring(colon + 1));
                try (HttpEndpoint endpoint = HttpEndpoint.start(server, host, port)) {
                    err.println("veil mcp: serving " + agents.size() + " agent(s) at http://" + host + ":"
                            + endpoint.port() + HttpEndpoint.PATH);
                    err.flush();
                    new CountDownLatch(1).await();
                }
                return 0;
            }
            if (!agents.containsKey(agent)) {
                err.println("veil mcp: no agent named '" + agent + "' in " + agentsFile);
                err.flush();
                return 2;
            }
            CountDownLatch closed = new CountDownLatch(1);
            server.serveStdio(agent, new EndSignallingInput(System.in, closed), System.out);
            closed.await();
            return 0;
        } finally {
            approvals.ifPresent(ApprovalClient::close);
        }
    }

    private Properties connectionProperties(Map<String, String> environment) {
        Properties props = new Properties();
        props.putAll(properties);
        if (user != null) {
            props.setProperty("user", user);
        }
        String password = environment.get(PASSWORD_VARIABLE);
        if (password != null) {
            props.setProperty("password", password);
        }
        if (policy != null) {
            props.setProperty(Settings.POLICY.key(), policy.toString());
        }
        return props;
    }

    /** The approval server's client, for a reviewer to resume an agent whose circuit breaker opened. */
    private static Optional<ApprovalClient> approvalClient(Properties props) {
        String base = props.getProperty(Settings.APPROVAL_URL.key(),
                System.getenv(Settings.APPROVAL_URL.environmentVariable()));
        String token = props.getProperty(Settings.APPROVAL_TOKEN.key(),
                System.getenv(Settings.APPROVAL_TOKEN.environmentVariable()));
        if (base == null || token == null) {
            return Optional.empty();
        }
        return Optional.of(new ApprovalClient(ApprovalClientConfig.of(URI.create(base), token)));
    }

    /** Standard input that says when the agent closed it: the session is over. */
    private static final class EndSignallingInput extends FilterInputStream {
        private final CountDownLatch closed;

        EndSignallingInput(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                closed.countDown();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                closed.countDown();
            }
            return n;
        }
    }
}
