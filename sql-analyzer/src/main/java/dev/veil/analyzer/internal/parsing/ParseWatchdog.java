package dev.veil.analyzer.internal.parsing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Stops parses on the calling thread that run past their deadline, the way JSqlParser stops its own timed parses:
 * by raising the parser's {@code interrupted} flag, which its grammar checks where parsing can take long. One daemon
 * thread watches every parse; it sleeps until the earliest deadline (or indefinitely when nothing is parsed), and a
 * parse wakes it only when its deadline comes before that: a steady stream of parses with one timeout wakes it about
 * once per timeout, never once per parse.
 */
final class ParseWatchdog {

    /** One parse being watched. Identity, not value, distinguishes watches. */
    static final class Watch {
        private final CCJSqlParser parser;
        private final long deadline;

        private Watch(CCJSqlParser parser, long deadline) {
            this.parser = parser;
            this.deadline = deadline;
        }
    }

    private static final ConcurrentHashMap.KeySetView<Watch, Boolean> ACTIVE = ConcurrentHashMap.newKeySet();
    /** When (System.nanoTime) the watchdog looks next; {@link Long#MAX_VALUE} while it waits for any parse. */
    private static volatile long plannedLook = Long.MAX_VALUE;
    private static final Thread THREAD = startThread();

    private ParseWatchdog() { }

    /** Watches {@code parser}, which the caller is about to run, until {@link #stop}. */
    static Watch start(CCJSqlParser parser, long timeoutMillis) {
        // at most a year, so that deadlines compare without overflow
        long millis = Math.min(Math.max(1, timeoutMillis), TimeUnit.DAYS.toMillis(365));
        Watch watch = new Watch(parser, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
        ACTIVE.add(watch);
        long look = plannedLook;
        if (look == Long.MAX_VALUE || watch.deadline - look < 0) {
            LockSupport.unpark(THREAD);
        }
        return watch;
    }

    static void stop(Watch watch) {
        ACTIVE.remove(watch);
    }

    private static Thread startThread() {
        Thread t = new Thread(ParseWatchdog::watch, "veil-sql-parse-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void watch() {
        while (true) {
            long now = System.nanoTime();
            long next = earliestAfterStopping(now);
            plannedLook = next;
            // a parse that started while the deadlines were read may not have seen the new plan: read them again
            long again = earliestAfterStopping(System.nanoTime());
            if (again != next) {
                plannedLook = again;
                next = again;
            }
            if (next == Long.MAX_VALUE) {
                LockSupport.park();
            } else {
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
    }

    /** Stops the parses past their deadline; the earliest deadline of the others, {@link Long#MAX_VALUE} if none. */
    private static long earliestAfterStopping(long now) {
        long earliest = Long.MAX_VALUE;
        for (Watch w : ACTIVE) {
            if (w.deadline - now <= 0) {
                w.parser.interrupted = true;
                ACTIVE.remove(w);
            } else if (earliest == Long.MAX_VALUE || w.deadline - earliest < 0) {
                earliest = w.deadline;
            }
        }
        return earliest;
    }
}
