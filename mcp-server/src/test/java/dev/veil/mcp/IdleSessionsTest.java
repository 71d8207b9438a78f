package dev.veil.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleSessionsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final AgentProfile agent = new AgentProfile("bot", null, "agent:bot", Set.of(), true, 10, null, null);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final IdleSessions sessions = new IdleSessions(TIMEOUT, clock);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger opened = new AtomicInteger();

    private AgentSession open() {
        opened.incrementAndGet();
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "isClosed" -> closed.get();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new AgentSession(agent, connection);
    }

    private AgentSession use(String key) {
        return sessions.use(key, this::open);
    }

    @Test
    void aSessionUnusedForTheTimeoutIsClosedAndALaterCallIsToldToStartANewOne() {
        sessions.started("s1");
        AgentSession session = use("s1");
        clock.advance(TIMEOUT.minusSeconds(1));
        sessions.sweep();
        assertThat(closed).as("one second short of the timeout").isFalse();
        assertThat(use("s1")).isSameAs(session);

        clock.advance(TIMEOUT.minusSeconds(1));
        sessions.sweep();
        assertThat(closed).as("the use above reset the idle time").isFalse();
        clock.advance(Duration.ofSeconds(1));
        sessions.sweep();
        assertThat(closed).isTrue();
        assertThat(sessions.size()).isZero();
        assertThatThrownBy(() -> use("s1")).isInstanceOf(IdleSessions.Ended.class)
                .hasMessageContaining("Start a new MCP session").hasMessageContaining("30 minutes");
        assertThat(opened).as("no fresh connection for an expired session").hasValue(1);
    }

    @Test
    void aSessionWithAStatementRunningIsNotClosedAndIdlesFromWhenItIsDone() {
        sessions.started("s1");
        AgentSession session = use("s1");
        assertThat(session.turn().tryAcquire()).isTrue();
        clock.advance(TIMEOUT.multipliedBy(3));
        sessions.sweep();
        assertThat(closed).isFalse();
        session.turn().release();
        clock.advance(TIMEOUT.minusSeconds(1));
        sessions.sweep();
        assertThat(closed).as("idle since the sweep saw it busy").isFalse();
        clock.advance(Duration.ofSeconds(1));
        sessions.sweep();
        assertThat(closed).isTrue();
    }

    @Test
    void aSessionWithAStatementWaitingForAReviewerIsNotClosed() {
        sessions.started("s1");
        AgentSession session = use("s1");
        CompletableFuture<String> result = new CompletableFuture<>();
        session.hold("approvals.ddl.drop", result, Optional::empty);
        // even with its turn free, a statement waiting for a reviewer keeps the session
        clock.advance(TIMEOUT.multipliedBy(2));
        sessions.sweep();
        assertThat(closed).isFalse();
        assertThat(session.turn().availablePermits()).as("the sweep gave the turn back").isEqualTo(1);
        result.complete("done");
        clock.advance(TIMEOUT);
        sessions.sweep();
        assertThat(closed).isTrue();
    }

    @Test
    void endingASessionClosesItsConnectionAtOnce() {
        sessions.started("s1");
        use("s1");
        sessions.ended("s1");
        assertThat(closed).isTrue();
        assertThatThrownBy(() -> use("s1")).isInstanceOf(IdleSessions.Ended.class);
    }

    @Test
    void aSessionEndedWhileBusyClosesOnceItsStatementIsDone() {
        sessions.started("s1");
        AgentSession session = use("s1");
        assertThat(session.turn().tryAcquire()).isTrue();
        sessions.ended("s1");
        assertThat(closed).isFalse();
        assertThatThrownBy(() -> use("s1")).isInstanceOf(IdleSessions.Ended.class);
        sessions.sweep();
        assertThat(closed).isFalse();
        session.turn().release();
        sessions.sweep();
        assertThat(closed).isTrue();
    }

    @Test
    void aSessionNeverStartedIsNotServedAndOneNeverUsedExpiresWithoutAConnection() {
        assertThatThrownBy(() -> use("unknown")).isInstanceOf(IdleSessions.Ended.class);
        sessions.started("s2");
        assertThat(sessions.size()).isEqualTo(1);
        clock.advance(TIMEOUT);
        sessions.sweep();
        assertThat(sessions.size()).isZero();
        assertThat(opened).hasValue(0);
    }

    @Test
    void closingClosesBusySessionsToo() {
        sessions.started("s1");
        assertThat(use("s1").turn().tryAcquire()).isTrue();
        sessions.close();
        assertThat(closed).isTrue();
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> new IdleSessions(Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
