package dev.veil.mcp;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Semaphore;

/**
 * One MCP session of one agent: its own {@code jdbc:veil:} connection, so that what Veil learns of the session (an
 * untrusted column read, for one) stays with it, and the statements it has waiting for a reviewer.
 */
final class AgentSession implements AutoCloseable {

    /** A statement held for approval, running in the background until a reviewer decides. */
    record Held(String ticket, String rule, CompletableFuture<String> result,
                java.util.function.Supplier<java.util.Optional<String>> request) {
    }

    private final AgentProfile agent;
    private final Connection connection;
    private final Semaphore turn = new Semaphore(1);
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final AtomicInteger tickets = new AtomicInteger();

    AgentSession(AgentProfile agent, Connection connection) {
        this.agent = agent;
        this.connection = connection;
    }

    AgentProfile agent() {
        return agent;
    }

    Connection connection() {
        return connection;
    }

    /**
     * The connection serves one statement at a time; a statement waiting for approval holds it (and releases it from
     * its own thread when done).
     */
    Semaphore turn() {
        return turn;
    }

    synchronized Held hold(String rule, CompletableFuture<String> result,
                           java.util.function.Supplier<java.util.Optional<String>> request) {
        Held h = new Held("held-" + tickets.incrementAndGet(), rule, result, request);
        held.put(h.ticket(), h);
        return h;
    }

    synchronized Held held(String ticket) {
        return held.get(ticket);
    }

    /** The statement still waiting for a reviewer, if any. */
    synchronized Held waiting() {
        return held.values().stream().filter(h -> !h.result().isDone()).findFirst().orElse(null);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
