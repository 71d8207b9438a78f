package dev.veil.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AgentProfile agent = new AgentProfile("loop", null, "agent:loop", Set.of(), true, 10,
            new AgentProfile.RateLimit(2, Duration.ofMinutes(1)), null);

    @Test
    void opensPastTheLimitAndStaysOpenAfterTheWindow() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CircuitBreaker breaker = new CircuitBreaker(agent, new BreakerReview(Optional.empty(), Duration.ofMinutes(1)),
                clock);
        assertThat(breaker.admit()).isEmpty();
        assertThat(breaker.admit()).isEmpty();
        assertThat(breaker.admit()).get().asString().contains("circuit breaker open", "more than 2 calls",
                "restart veil mcp");
        now[0] = now[0].plus(Duration.ofHours(1));
        assertThat(breaker.admit()).as("a human closes it, not time").isPresent();
    }

    @Test
    void callsSpreadOverTheWindowNeverTripIt() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = Clock.fixed(now[0], ZoneOffset.UTC);
        CircuitBreaker breaker = new CircuitBreaker(agent, new BreakerReview(Optional.empty(), Duration.ofMinutes(1)),
                Clock.offset(clock, Duration.ZERO));
        assertThat(breaker.admit()).isEmpty();
        CircuitBreaker later = new CircuitBreaker(agent, new BreakerReview(Optional.empty(), Duration.ofMinutes(1)),
                Clock.offset(clock, Duration.ofMinutes(2)));
        assertThat(later.admit()).isEmpty();
        assertThat(later.isOpen()).isFalse();
    }
}
