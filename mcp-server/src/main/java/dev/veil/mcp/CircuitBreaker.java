package dev.veil.mcp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * An agent's rate limit. A runaway loop is not throttled quietly: past the limit the breaker opens, every call is
 * refused with the reason, and only a human closes it again (a reviewer approving the resumption, see
 * {@link BreakerReview}).
 */
final class CircuitBreaker {

    private final AgentProfile agent;
    private final BreakerReview review;
    private final Clock clock;
    private final Deque<Instant> calls = new ArrayDeque<>();
    private String openReason;

    CircuitBreaker(AgentProfile agent, BreakerReview review, Clock clock) {
        this.agent = agent;
        this.review = review;
        this.clock = clock;
    }

    /** Counts one call; answers why it is refused when the breaker is open (or opens now). */
    synchronized Optional<String> admit() {
        if (openReason != null) {
            return Optional.of(openReason);
        }
        Optional<AgentProfile.RateLimit> limit = agent.limit();
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant windowStart = now.minus(limit.get().per());
        while (!calls.isEmpty() && calls.peekFirst().isBefore(windowStart)) {
            calls.pollFirst();
        }
        calls.addLast(now);
        if (calls.size() <= limit.get().calls()) {
            return Optional.empty();
        }
        String why = "agent " + agent.name() + " made more than " + limit.get().calls() + " calls within "
                + limit.get().per().toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        openReason = "circuit breaker open: " + why + ". Every call is refused until a human resumes this agent "
                + review.where() + ". Do not retry in a loop: stop and tell the user that the agent was paused.";
        review.ask(agent, why, this::close);
        return Optional.of(openReason);
    }

    synchronized boolean isOpen() {
        return openReason != null;
    }

    /** A human resumed the agent: calls count afresh. */
    private synchronized void close() {
        openReason = null;
        calls.clear();
    }
}
