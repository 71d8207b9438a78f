package dev.veil.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.client.ApprovalClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Veil as an MCP server: agents call its tools, each statement runs through a {@code jdbc:veil:} connection opened
 * for the agent's session under the agent's identity; the database credentials never leave this process.
 */
public final class VeilMcpServer implements AutoCloseable {

    /** Where the HTTP transport puts the authenticated agent's name, for the tools to find it. */
    static final String AGENT_KEY = "veil.agent";

    /** How long an HTTP session may stay unused before its connection is closed, unless told otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);

    /** Opens a {@code jdbc:veil:} connection that asks as {@code requester}. */
    @FunctionalInterface
    public interface Connections {
        Connection open(String requester) throws SQLException;
    }

    private final Connections connections;
    private final Map<String, AgentProfile> agents;
    private final boolean writesAllowed;
    private final BreakerReview review;
    private final String reviewWhere;
    /** Over stdio: the one agent's session, for as long as the process runs. */
    private final Map<String, AgentSession> sessions = new ConcurrentHashMap<>();
    /** Over HTTP: each session from its client's initialize until the client ends it or it idles out. */
    private final IdleSessions httpSessions;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final ExecutorService heldStatements = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "veil-mcp-held-statement");
        t.setDaemon(true);
        return t;
    });
    private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    private McpSyncServer server;

    /**
     * @param agents        the agents served, by name
     * @param writesAllowed whether any agent may write (each agent's {@code readOnly} may still forbid it)
     * @param approvals     the approval server's client, for a reviewer to resume an agent whose breaker opened
     * @param reviewWhere   where reviewers decide, as told to the agent (e.g. "in Slack or at https://…")
     */
    public VeilMcpServer(Connections connections, Map<String, AgentProfile> agents, boolean writesAllowed,
                         Optional<ApprovalClient> approvals, Duration approvalWait, String reviewWhere) {
        this(connections, agents, writesAllowed, approvals, approvalWait, reviewWhere, DEFAULT_IDLE_TIMEOUT,
                Clock.systemUTC());
    }

    /**
     * @param idleTimeout how long an HTTP session may stay unused before its connection is closed (never while a
     *                    statement of it runs or waits for a reviewer)
     * @param clock       what idleness is measured by
     */
    public VeilMcpServer(Connections connections, Map<String, AgentProfile> agents, boolean writesAllowed,
                         Optional<ApprovalClient> approvals, Duration approvalWait, String reviewWhere,
                         Duration idleTimeout, Clock clock) {
        this.httpSessions = new IdleSessions(idleTimeout, clock);
        this.connections = connections;
        this.agents = Map.copyOf(agents);
        this.writesAllowed = writesAllowed;
        this.review = new BreakerReview(approvals, approvalWait);
        this.reviewWhere = reviewWhere;
    }

    /** Serves one agent over standard input and output (a desktop agent starts {@code veil mcp} itself). */
    public McpSyncServer serveStdio(String agentName, InputStream in, OutputStream out) {
        AgentProfile agent = agent(agentName);
        return start(McpServer.sync(new StdioServerTransportProvider(json, in, out)), exchange -> agent,
                (exchange, a) -> sessions.computeIfAbsent(a.name(), k -> open(a)));
    }

    /** Serves the agents over Streamable HTTP; the transport authenticates each request (see {@link HttpEndpoint}). */
    public McpSyncServer serveStreamable(McpStreamableServerTransportProvider transport) {
        httpSessions.startSweeping();
        return start(McpServer.sync(transport), exchange -> {
            Object name = exchange.transportContext().get(AGENT_KEY);
            if (!(name instanceof String n) || !agents.containsKey(n)) {
                // the endpoint refuses unauthenticated requests before they get here: fail closed all the same
                throw new IllegalStateException("no authenticated agent on this request");
            }
            return agents.get(n);
        }, (exchange, agent) -> httpSessions.use(sessionKey(agent.name(), exchange.sessionId()), () -> open(agent)));
    }

    /** The HTTP client of {@code agent} initialized session {@code sessionId}: Veil serves it from now on. */
    void sessionStarted(String agent, String sessionId) {
        httpSessions.started(sessionKey(agent, sessionId));
    }

    /** The HTTP client ended the session: its connection closes (once no statement of it runs or waits). */
    void sessionEnded(String agent, String sessionId) {
        httpSessions.ended(sessionKey(agent, sessionId));
    }

    /**
     * Closes now the HTTP sessions unused for the idle timeout, as the background sweep does every little while
     * (for an operator's hook, and for tests that move the clock).
     */
    public void closeIdleSessions() {
        httpSessions.sweep();
    }

    private static String sessionKey(String agent, String sessionId) {
        return agent + "\n" + (sessionId == null ? "" : sessionId);
    }

    Map<String, AgentProfile> agents() {
        return agents;
    }

    McpJsonMapper json() {
        return json;
    }

    private AgentProfile agent(String name) {
        AgentProfile agent = agents.get(name);
        if (agent == null) {
            throw new IllegalArgumentException("no agent named '" + name + "' (agents: "
                    + String.join(", ", agents.keySet()) + ")");
        }
        return agent;
    }

    private McpSyncServer start(McpServer.SyncSpecification<?> spec,
                                Function<McpSyncServerExchange, AgentProfile> whoIsAsking,
                                BiFunction<McpSyncServerExchange, AgentProfile, AgentSession> sessionOf) {
        VeilTools tools = new VeilTools(exchange -> sessionOf.apply(exchange, whoIsAsking.apply(exchange)),
                agent -> breakers.computeIfAbsent(agent.name(), n -> new CircuitBreaker(agent, review,
                        Clock.systemUTC())), writesAllowed, reviewWhere, heldStatements);
        server = spec.serverInfo("veil", version())
                .jsonMapper(json)
                .instructions("Veil gives you governed SQL access to a database: sensitive columns come back"
                        + " masked, some conditions on them are refused, risky statements wait for a human reviewer,"
                        + " and every call is audited under your identity. Start with list_tables and"
                        + " describe_table; check unclear statements with explain.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.all())
                .build();
        return server;
    }

    private AgentSession open(AgentProfile agent) {
        try {
            return new AgentSession(agent, connections.open(agent.statementRequester()));
        } catch (SQLException e) {
            throw new IllegalStateException("Veil could not connect for agent " + agent.name() + ": "
                    + e.getMessage() + " [SQLState " + e.getSQLState() + "]", e);
        }
    }

    private static String version() {
        String v = VeilMcpServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void close() {
        if (server != null) {
            server.closeGracefully();
        }
        heldStatements.shutdownNow();
        review.close();
        httpSessions.close();
        for (AgentSession s : sessions.values()) {
            try {
                s.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
