package dev.veil.approval.server.api;

import dev.veil.approval.server.ApprovalService;
import dev.veil.approval.server.store.StoredRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drivers long-polling for decisions, without a thread each.
 *
 * <p>A decision taken on this server answers its waiters at once. Decisions taken on another server sharing the
 * store (and expiries) are found by {@link #poll()}, which looks up every waited-on request in one query per poll
 * interval, however many drivers wait. A waiter whose hold time has passed is answered with the pending status,
 * and the driver asks again.
 */
public final class DecisionWaiters implements ApprovalService.Listener {

    /** One held request: answered exactly once, by a decision, the end of its hold, or shutdown. */
    public static final class Waiter {
        private final Instant holdUntil;
        private final Consumer<StoredRequest> answer;
        private final Runnable unavailable;
        private final AtomicBoolean done = new AtomicBoolean();

        private Waiter(Instant holdUntil, Consumer<StoredRequest> answer, Runnable unavailable) {
            this.holdUntil = holdUntil;
            this.answer = answer;
            this.unavailable = unavailable;
        }

        boolean answer(StoredRequest request) {
            if (done.compareAndSet(false, true)) {
                answer.accept(request);
                return true;
            }
            return false;
        }

        void fail() {
            if (done.compareAndSet(false, true)) {
                unavailable.run();
            }
        }

        /** The client went away: forget it without answering. */
        public void abandon() {
            done.set(true);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DecisionWaiters.class);

    private final ApprovalService service;
    private final Clock clock;
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    public DecisionWaiters(ApprovalService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /**
     * Holds a waiter on a pending request until it is decided or {@code holdUntil} passes.
     *
     * @param answer      called once with the request as it then stands
     * @param unavailable called instead when the server shuts down first
     */
    public Waiter hold(String requestId, Instant holdUntil, Consumer<StoredRequest> answer, Runnable unavailable) {
        Waiter waiter = new Waiter(holdUntil, answer, unavailable);
        waiters.computeIfAbsent(requestId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        return waiter;
    }

    @Override
    public void decided(StoredRequest request) {
        answerAll(request);
    }

    /** Answers waiters of requests decided elsewhere and those whose hold has passed. */
    public void poll() {
        if (waiters.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(waiters.keySet());
        Instant now = clock.instant();
        for (StoredRequest request : service.findAll(ids)) {
            if (!request.pending()) {
                answerAll(request);
                continue;
            }
            Set<Waiter> held = waiters.get(request.id());
            if (held != null) {
                for (Waiter waiter : held) {
                    if (!waiter.holdUntil.isAfter(now)) {
                        waiter.answer(request);
                    }
                }
            }
        }
        // forget answered and abandoned waiters
        waiters.forEach((id, held) -> held.removeIf(waiter -> waiter.done.get()));
        waiters.entrySet().removeIf(entry -> entry.getValue().isEmpty());
    }

    /** How many waiters are held (for tests and health). */
    public int size() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }

    /** Answers every waiter "unavailable": the server is shutting down, and the drivers will retry elsewhere. */
    public void shutdown() {
        waiters.values().forEach(held -> held.forEach(Waiter::fail));
        waiters.clear();
    }

    private void answerAll(StoredRequest request) {
        Set<Waiter> held = waiters.remove(request.id());
        if (held == null) {
            return;
        }
        for (Waiter waiter : held) {
            try {
                waiter.answer(request);
            } catch (RuntimeException e) {
                LOG.debug("a waiter of {} could not be answered: {}", request.id(), e.toString());
            }
        }
    }
}
