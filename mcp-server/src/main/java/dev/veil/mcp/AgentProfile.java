package dev.veil.mcp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One agent the MCP server serves, and its own limits.
 *
 * @param name      the agent's name, as its calls and its sessions are logged
 * @param token     its bearer token on the HTTP transport; null for an agent served only over stdio
 * @param requester who asks, as usage events and reviewers see it ({@code veil.requester})
 * @param tables    the tables it may touch, as {@code schema.table} or {@code table}; empty: every table
 * @param readOnly  whether it may only read
 * @param rowCap    the most rows one query returns to it; more are cut off, and the result says so
 * @param rateLimit how many calls it may make within a window before its circuit breaker opens; null for none
 * @param purpose   why it reads the data, as reviewers and the audit log see it; null when none is declared
 */
public record AgentProfile(String name, String token, String requester, Set<String> tables, boolean readOnly,
                           int rowCap, RateLimit rateLimit, String purpose) {

    /** At most {@code calls} tool calls within {@code per}. */
    public record RateLimit(int calls, Duration per) {
        public RateLimit {
            if (calls < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a rate limit needs at least one call within a positive window");
            }
        }
    }

    public AgentProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requester, "requester");
        tables = tables == null ? Set.of() : Set.copyOf(tables);
        if (rowCap < 1) {
            throw new IllegalArgumentException("rowCap must be at least 1");
        }
    }

    /**
     * The identity a statement is asked under: the requester, with the declared purpose when there is one, so that
     * the approval card and every usage event carry both.
     */
    public String statementRequester() {
        return purpose == null ? requester : requester + " (purpose: " + purpose + ")";
    }

    public Optional<RateLimit> limit() {
        return Optional.ofNullable(rateLimit);
    }
}
