package dev.veil.mcp;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The MCP sessions served over HTTP, each with the {@code jdbc:veil:} connection of its {@link AgentSession}: a
 * session lives from the client's {@code initialize} until the client ends it or it stays unused for the idle
 * timeout, and its connection is closed then, so that agents that vanish do not hold database connections forever.
 *
 * <p>A session is served only while it is live: a call from one that ended or expired is refused ({@link Ended}),
 * never given a fresh connection, because what Veil learnt of the old one (an untrusted column read, for one) lives
 * in its connection and would be lost. A session with a statement running, or waiting for a reviewer, is never
 * closed for idleness; one that its client ended while busy is closed as soon as the statement is done.
 */
final class IdleSessions implements AutoCloseable {

    /** The session is no longer served; the message tells the agent what to do. */
    static final class Ended extends IllegalStateException {
        Ended(String message) {
            super(message);
        }
    }

    /** A live session; its connection is opened at the first tool call. */
    private static final class Live {
        volatile Instant lastUsed;
        AgentSession session;

        Live(Instant now) {
            this.lastUsed = now;
        }
    }

    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Queue<AgentSession> closingWhenFree = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService sweeper;

    IdleSessions(Duration timeout, Clock clock) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, not " + timeout);
        }
        this.timeout = timeout;
        this.clock = clock;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Sweeps in the background, a few times per timeout (at most every minute, at least every second), so that a
     * session closes at most a little after its timeout.
     */
    synchronized void startSweeping() {
        if (sweeper != null) {
            return;
        }
        long every = Math.max(1000, Math.min(60_000, timeout.toMillis() / 4));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "veil-mcp-idle-sessions");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                // a failed sweep must not end the sweeping: the next one tries again
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** The client initialized session {@code key}: it is served from now on. */
    void started(String key) {
        live.putIfAbsent(key, new Live(clock.instant()));
    }

    /**
     * The session's {@link AgentSession}, opened by {@code open} at its first use; counts as a use.
     *
     * @throws Ended when the session ended or expired (or never started)
     */
    AgentSession use(String key, Supplier<AgentSession> open) {
        Live entry = live.computeIfPresent(key, (k, l) -> {
            l.lastUsed = clock.instant();
            if (l.session == null) {
                l.session = open.get();
            }
            return l;
        });
        if (entry == null) {
            throw new Ended("this MCP session has ended: it was closed by its client, or unused for longer than "
                    + describe(timeout) + ", and Veil closed its database connection. Start a new MCP session"
                    + " (initialize again) and repeat the call; a statement held for a reviewer in the old session"
                    + " is not carried over.");
        }
        return entry.session;
    }

    /** The client ended session {@code key}: it is served no more, and its connection closes once it is free. */
    void ended(String key) {
        Live entry = live.remove(key);
        if (entry != null && entry.session != null) {
            closingWhenFree.add(entry.session);
            closeFree();
        }
    }

    /** Closes the sessions unused for the idle timeout and those ended while busy that are free now. */
    void sweep() {
        Instant now = clock.instant();
        List<AgentSession> closing = new ArrayList<>();
        for (String key : live.keySet()) {
            live.computeIfPresent(key, (k, l) -> {
                if (l.session != null && !claim(l.session)) {
                    l.lastUsed = now; // busy: idleness counts from when its statement is done
                    return l;
                }
                if (l.lastUsed.plus(timeout).isAfter(now)) {
                    if (l.session != null) {
                        l.session.turn().release();
                    }
                    return l;
                }
                if (l.session != null) {
                    closing.add(l.session);
                }
                return null;
            });
        }
        closing.forEach(IdleSessions::closeQuietly);
        closeFree();
    }

    /** How many sessions are served (live); for the operator's view and tests. */
    int size() {
        return live.size();
    }

    private void closeFree() {
        for (AgentSession s : List.copyOf(closingWhenFree)) {
            if (claim(s) && closingWhenFree.remove(s)) {
                closeQuietly(s);
            }
        }
    }

    /**
     * Takes the session's turn when no statement runs or waits for a reviewer; the turn is never given back once the
     * session closes, so a call that still holds the session is told it is busy rather than reaching a closed
     * connection.
     */
    private static boolean claim(AgentSession session) {
        if (session.waiting() != null || !session.turn().tryAcquire()) {
            return false;
        }
        if (session.waiting() != null) {
            session.turn().release();
            return false;
        }
        return true;
    }

    private static String describe(Duration d) {
        return d.toSecondsPart() == 0 && d.toMinutes() > 0 ? d.toMinutes() + " minutes" : d.toSeconds() + " seconds";
    }

    private static void closeQuietly(AgentSession session) {
        try {
            session.close();
        } catch (SQLException e) {
            // the connection is being dropped: nothing more to do with it
        }
    }

    /** Closes every session's connection (the server stops), busy or not. */
    @Override
    public void close() {
        synchronized (this) {
            if (sweeper != null) {
                sweeper.shutdownNow();
            }
        }
        List<AgentSession> all = new ArrayList<>(closingWhenFree);
        live.values().forEach(l -> {
            if (l.session != null) {
                all.add(l.session);
            }
        });
        live.clear();
        closingWhenFree.clear();
        all.forEach(IdleSessions::closeQuietly);
    }
}
