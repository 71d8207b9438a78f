package dev.veil.approval.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.approval.client.ApprovalJson;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.client.ExecutionOutcome;
import dev.veil.approval.server.audit.AuditEntry;
import dev.veil.approval.server.audit.AuditType;
import dev.veil.approval.server.config.Durations;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.ApprovalStore;
import dev.veil.approval.server.store.RequestEvent;
import dev.veil.approval.server.store.StoreConflictException;
import dev.veil.approval.server.store.StoreException;
import dev.veil.approval.server.store.StoredRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of approval, independent of how requests and decisions arrive (REST or Slack).
 *
 * <ul>
 *   <li>An approval is bound to the driver token, the requester (principal and JDBC user), the database and the
 *       statement fingerprint. A request with the same binding joins a pending one instead of asking again, and is
 *       approved at once while an approval window for that binding is open.</li>
 *   <li>Only a pending request that has not expired can be decided, and only once, even across servers.</li>
 *   <li>Nobody approves their own request ({@link SelfApproval}); rejecting one's own request is allowed.</li>
 *   <li>Every creation, decision, expiry, withdrawal and refusal is written to the audit log in the same
 *       transaction, and is on disk before anyone is told.</li>
 *   <li>A request is decided only while a driver waits on it (a live waiter lease); one nobody waits on is
 *       withdrawn.</li>
 * </ul>
 */
public final class ApprovalService {

    /** Hears about requests created and decided on this server (decisions of other servers arrive via the store). */
    public interface Listener {
        default void created(StoredRequest request) {
        }

        default void decided(StoredRequest request) {
        }

        /** The pending request was routed to approver group {@code group}. */
        default void escalated(StoredRequest request, String group) {
        }
    }

    public static final int MAX_REASON_LENGTH = 2000;
    public static final int MAX_STATEMENT_LENGTH = 100_000;
    public static final int MAX_USAGE_BATCH = 1000;
    /** The longest principal and fingerprint (the store's columns are sized for e-mail addresses and hashes). */
    public static final int MAX_NAME_LENGTH = 200;

    /** The waiter of a request created without an idempotency key (an API client, an older driver). */
    static final String ANONYMOUS_WAITER = "-";
    private static final int MAX_SUBMIT_ATTEMPTS = 10;
    /** How long idempotency keys are remembered: far longer than any driver keeps retrying. */
    static final Duration KEY_RETENTION = Duration.ofDays(2);
    /** How long Slack signatures are remembered: longer than the 5 minutes (either way) a timestamp may be off. */
    static final Duration SLACK_REPLAY_RETENTION = Duration.ofMinutes(15);
    private static final String REQUEST_ID_PREFIX = "req_";
    private static final int REQUEST_ID_RANDOM_BYTES = 16;
    /** The form of every request id {@link #newId} makes: the prefix and its random bytes in lower-case hex. */
    public static final Pattern REQUEST_ID = Pattern.compile(
            REQUEST_ID_PREFIX + "[0-9a-f]{" + 2 * REQUEST_ID_RANDOM_BYTES + "}");

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalService.class);

    private final ApprovalStore store;
    private final ServerConfig.Requests settings;
    private final Clock clock;
    private final ObjectMapper json = ApprovalJson.mapper(false);
    private final SecureRandom random = new SecureRandom();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ApproverGroups groups;

    public ApprovalService(ApprovalStore store, ServerConfig.Requests settings, Clock clock) {
        this(store, settings, clock, ApproverGroups.none());
    }

    public ApprovalService(ApprovalStore store, ServerConfig.Requests settings, Clock clock, ApproverGroups groups) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.groups = groups;
    }

    public ApproverGroups groups() {
        return groups;
    }

    /** The approver group that may decide the request now: the first group, or where it was escalated to. */
    public String groupOf(String id) {
        return store.groupOf(id).orElse(groups.initial());
    }

    /** The request's audit records, oldest first. */
    public List<RequestEvent> history(String id) {
        return store.history(id);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * What {@link #submit} did with a request.
     *
     * @param request the request as it now stands
     * @param kind    whether it is new, joined a pending one, was approved by an open window, or was made by an
     *                earlier call with the same idempotency key (a retry)
     */
    public record Submission(StoredRequest request, Kind kind) {
        public enum Kind { NEW, JOINED, WINDOW, REPEATED }
    }

    /** Records a driver's request without an idempotency key (its waiter is anonymous). */
    public Submission submit(String client, ApprovalRequest request) {
        return submit(client, request, null);
    }

    /**
     * Records a driver's request. Returns it approved when an approval window for its binding is open, the pending
     * request it joins when there is one, or a new pending request; the driver's waiter lease starts on it. A window
     * or a pending request counts only when its row limit covers the new request's
     * ({@link ApprovalRequest#rowLimitCovers}).
     * Identical pending requests are one request however many servers and threads submit them at once: the store
     * holds at most one pending request per binding, and a loser of that race joins the winner.
     *
     * @param key the call's idempotency key, also the id of the driver's waiter; a retry with the same key gets
     *            what the first call made ({@link Submission.Kind#REPEATED})
     */
    public Submission submit(String client, ApprovalRequest request, String key) {
        if (request.statement().length() > MAX_STATEMENT_LENGTH) {
            throw new IllegalArgumentException("the statement text is longer than " + MAX_STATEMENT_LENGTH
                    + " characters");
        }
        if (request.requester().principal().length() > MAX_NAME_LENGTH
                || request.fingerprint().length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("the requester principal and the fingerprint are at most "
                    + MAX_NAME_LENGTH + " characters long");
        }
        String binding = bindingKey(client, request);
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<Submission> repeated = repeated(client, key);
                if (repeated.isPresent()) {
                    return repeated.get();
                }
                Optional<Submission> done = trySubmit(client, request, key, binding);
                if (done.isPresent()) {
                    return done.get();
                }
            } catch (StoreConflictException e) {
                // another server or thread created (or joined) at the same moment: look again
                if (attempt >= MAX_SUBMIT_ATTEMPTS) {
                    throw new StoreException("the request kept colliding with concurrent ones", e);
                }
                continue;
            }
            if (attempt >= MAX_SUBMIT_ATTEMPTS) {
                throw new StoreException("the request kept changing under concurrent ones", null);
            }
        }
    }

    private Optional<Submission> repeated(String client, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return store.requestOfKey(client, scoped("create", key)).flatMap(this::find).map(earlier -> {
            if (earlier.pending()) {
                store.renewLease(earlier.id(), waiter(key, now(), Duration.ZERO));
            }
            return new Submission(earlier, Submission.Kind.REPEATED);
        });
    }

    /** One round of {@link #submit}; empty when the store changed under it and it must look again. */
    private Optional<Submission> trySubmit(String client, ApprovalRequest request, String key, String binding) {
        Instant now = now();
        // an approval covers what the reviewer saw: never a request that may let more rows through
        Optional<StoredRequest> window = store.findOpenWindow(binding, request, now);
        if (window.isPresent()) {
            StoredRequest opened = window.get();
            StoredRequest approved = new StoredRequest(newId(), binding, client, request, ApprovalState.APPROVED,
                    now, now, now, opened.reviewer(), "approved for a window with request " + opened.id(),
                    opened.approvedUntil(), opened.id(), null, null);
            ObjectNode details = json.createObjectNode()
                    .put("reviewer", opened.reviewer())
                    .put("via", "window")
                    .put("approvedUnder", opened.id())
                    .put("approvedUntil", opened.approvedUntil().toString());
            store.insert(approved, null, scoped("create", key), List.of(created(approved),
                    entry(AuditType.REQUEST_APPROVED, approved.id(), opened.reviewer(), details)));
            return Optional.of(new Submission(approved, Submission.Kind.WINDOW));
        }
        Optional<StoredRequest> pending = store.findPending(binding, request);
        if (pending.isPresent()) {
            StoredRequest current = pending.get();
            if (!current.expiresAt().isAfter(now)) {
                expire(current.id());
                return Optional.empty();
            }
            return store.join(current.id(), waiter(key, now, Duration.ZERO), client, scoped("create", key), now)
                    .map(joined -> new Submission(joined, Submission.Kind.JOINED));
        }
        StoredRequest fresh = new StoredRequest(newId(), binding, client, request, ApprovalState.PENDING, now,
                now.plus(settings.ttl()), null, null, null, null, null, null, null);
        store.insert(fresh, waiter(key, now, Duration.ZERO), scoped("create", key), List.of(created(fresh)));
        notifyListeners(fresh, Listener::created);
        return Optional.of(new Submission(fresh, Submission.Kind.NEW));
    }

    /**
     * A waiting driver's call: its lease on the request lasts the {@code hold} of the call plus
     * {@code requests.waiterLease}.
     */
    public void renewLease(String id, String waiterId, Duration hold) {
        store.renewLease(id, waiter(waiterId, now(), hold));
    }

    /**
     * A driver stops waiting on a request (its deadline passed, it was cancelled). The request is withdrawn unless
     * another driver still waits on it; a withdrawn request can never be approved. Returns the request as it then
     * stands.
     */
    public Optional<StoredRequest> withdraw(String client, String id, String waiterId) {
        String leaving = waiterId == null ? ANONYMOUS_WAITER : waiterId;
        withdraw(id, leaving, client, "the driver stopped waiting");
        return find(id);
    }

    /** Withdraws every pending request within its TTL whose drivers' leases all lapsed; returns how many. */
    public int withdrawAbandoned() {
        int withdrawn = 0;
        for (String id : store.abandoned(now(), 500)) {
            if (withdraw(id, null, "server", "no driver has waited on it for "
                    + Durations.describe(settings.waiterLease())).isPresent()) {
                withdrawn++;
            }
        }
        return withdrawn;
    }

    /** The periodic sweep: expiries, withdrawals, and forgetting idempotency keys and Slack signatures. */
    public void sweep() {
        expireDue();
        withdrawAbandoned();
        Instant now = now();
        store.prune(now.minus(KEY_RETENTION), now.minus(SLACK_REPLAY_RETENTION));
    }

    /** Whether a (verified) Slack request is seen for the first time; {@code false} for a replay. */
    public boolean firstSlackReceipt(String signature) {
        return store.firstReceipt(signature, now());
    }

    private Optional<StoredRequest> withdraw(String id, String leaving, String actor, String reason) {
        Optional<StoredRequest> withdrawn = store.withdraw(id, leaving, now(), reason,
                entry(AuditType.REQUEST_WITHDRAWN, id, actor, json.createObjectNode().put("reason", reason)));
        withdrawn.ifPresent(this::notifyDecided);
        return withdrawn;
    }

    /** An idempotency key in the namespace of one kind of call: a key reused for another kind is not a retry. */
    private static String scoped(String call, String key) {
        return key == null ? null : call + ":" + key;
    }

    private StoredRequest.Waiter waiter(String key, Instant now, Duration hold) {
        return new StoredRequest.Waiter(key == null ? ANONYMOUS_WAITER : key,
                now.plus(hold).plus(settings.waiterLease()));
    }

    /** The request as it stands; a pending request past its TTL is expired first. */
    public Optional<StoredRequest> find(String id) {
        return store.find(id).map(this::expireIfDue);
    }

    /** Several requests as they stand (for waiters); those past their TTL are expired first. */
    public List<StoredRequest> findAll(Collection<String> ids) {
        return store.findAll(ids).stream().map(this::expireIfDue).toList();
    }

    public List<StoredRequest> list(ApprovalState state, int limit) {
        return store.list(state, limit).stream().map(this::expireIfDue).toList();
    }

    /**
     * Decides a request.
     *
     * @throws DecisionRefusedException when the request does not exist or is not pending, when the reviewer is not in
     *                                  the approver group the request is routed to, when the reviewer would
     *                                  approve their own request, or when the verdict is malformed
     */
    public StoredRequest decide(String id, Reviewer reviewer, Verdict verdict) throws DecisionRefusedException {
        Member member = pendingMember(id, reviewer, verdict instanceof Verdict.Approve ? "approve" : "reject");
        StoredRequest current = member.request();
        Instant now = now();
        ApprovalState state;
        String reason;
        Instant approvedUntil = null;
        ObjectNode details = json.createObjectNode().put("reviewer", reviewer.identity()).put("via", reviewer.via());
        if (reviewer.slackUserId() != null) {
            details.put("slackUserId", reviewer.slackUserId());
        }
        if (verdict instanceof Verdict.Approve approve) {
            if (SelfApproval.isSelf(reviewer.identity(), current.request().requester())) {
                refuse(current.id(), reviewer, "approve", DecisionRefusedException.Refusal.SELF_APPROVAL);
                throw new DecisionRefusedException(DecisionRefusedException.Refusal.SELF_APPROVAL,
                        "you cannot approve your own request", current);
            }
            if (approve.window() != null) {
                if (approve.window().isNegative() || approve.window().isZero()
                        || approve.window().compareTo(settings.maxApprovalWindow()) > 0) {
                    throw new DecisionRefusedException(DecisionRefusedException.Refusal.INVALID_WINDOW,
                            "an approval window must be positive and at most "
                                    + Durations.describe(settings.maxApprovalWindow()), current);
                }
                approvedUntil = now.plus(approve.window());
                details.put("window", approve.window().toString()).put("approvedUntil", approvedUntil.toString());
            } else if (current.request().partitionColumn() != null) {
                // one partition of a read stands for the whole read: its other partitions and task retries, asked
                // for later with the same binding, are approved by this approval for the read window
                approvedUntil = now.plus(settings.readWindow());
                details.put("window", settings.readWindow().toString()).put("readWindow", true)
                        .put("approvedUntil", approvedUntil.toString());
            }
            reason = checkedReason(approve.comment(), false, current);
            state = ApprovalState.APPROVED;
        } else {
            reason = checkedReason(((Verdict.Reject) verdict).reason(), true, current);
            state = ApprovalState.REJECTED;
        }
        if (reason != null) {
            details.put("reason", reason);
        }
        AuditEntry record = entry(state == ApprovalState.APPROVED ? AuditType.REQUEST_APPROVED
                : AuditType.REQUEST_REJECTED, id, reviewer.identity(), details);
        Optional<StoredRequest> decided = store.decide(id, state, reviewer.identity(), reason, now, approvedUntil,
                record, new ApprovalStore.Route(member.group(), groups.initial()));
        if (decided.isEmpty()) {
            // someone else decided first, it expired in between, it was escalated, or no driver waits on it
            StoredRequest after = find(id).orElse(current);
            String group = groupOf(id);
            if (after.pending() && !group.equals(member.group())) {
                throw new DecisionRefusedException(DecisionRefusedException.Refusal.NOT_AN_APPROVER,
                        "request " + id + " was escalated to " + group + " meanwhile", after);
            }
            if (after.pending()) {
                after = withdraw(id, null, "server", "no driver waits on it any more").orElse(after);
            }
            throw notPending(after);
        }
        notifyDecided(decided.get());
        return decided.get();
    }

    /**
     * Routes a pending request to another approver group, which alone may decide it from now on. Whoever may decide
     * the request may escalate it (also its requester: escalating approves nothing).
     *
     * @param reason an optional note for the audit log and the other group
     * @throws DecisionRefusedException as {@link #decide} does, and when {@code group} does not exist or is the
     *                                  group the request is routed to already
     */
    public StoredRequest escalate(String id, Reviewer reviewer, String group, String reason)
            throws DecisionRefusedException {
        Member member = pendingMember(id, reviewer, "escalate");
        StoredRequest current = member.request();
        String from = member.group();
        boolean neverEscalated = store.groupOf(id).isEmpty();
        if (group == null || !groups.exists(group) || group.equals(from)) {
            throw new DecisionRefusedException(DecisionRefusedException.Refusal.INVALID_GROUP,
                    "escalate to one of the other approver groups (" + String.join(", ", groups.names().stream()
                            .filter(name -> !name.equals(from)).toList()) + ")", current);
        }
        String note = checkedReason(reason, false, current);
        ObjectNode details = json.createObjectNode().put("reviewer", reviewer.identity()).put("via", reviewer.via())
                .put("from", from).put("to", group);
        if (reviewer.slackUserId() != null) {
            details.put("slackUserId", reviewer.slackUserId());
        }
        if (note != null) {
            details.put("reason", note);
        }
        if (!store.escalate(id, from, group, neverEscalated,
                entry(AuditType.REQUEST_ESCALATED, id, reviewer.identity(), details))) {
            StoredRequest after = find(id).orElse(current);
            if (after.pending()) {
                throw new DecisionRefusedException(DecisionRefusedException.Refusal.NOT_PENDING,
                        "request " + id + " was escalated by someone else meanwhile", after);
            }
            throw notPending(after);
        }
        for (Listener listener : listeners) {
            try {
                listener.escalated(current, group);
            } catch (RuntimeException e) {
                LOG.warn("a listener failed on request {}: {}", id, e.toString());
            }
        }
        LOG.info("request {} escalated from {} to {} by {}", id, from, group, reviewer.identity());
        return current;
    }

    /**
     * The request, when it is pending and the reviewer is in the group it is routed to; a reviewer who is not is
     * refused and the refusal audited. The one place that decides who may act on a request.
     */
    private record Member(StoredRequest request, String group) {
    }

    private Member pendingMember(String id, Reviewer reviewer, String attempted)
            throws DecisionRefusedException {
        StoredRequest current = find(id).orElseThrow(() -> new DecisionRefusedException(
                DecisionRefusedException.Refusal.NOT_FOUND, "there is no request " + id, null));
        if (!current.pending()) {
            throw notPending(current);
        }
        String group = groupOf(id);
        if (!groups.isMember(reviewer.identity(), group)) {
            refuse(current.id(), reviewer, attempted, DecisionRefusedException.Refusal.NOT_AN_APPROVER);
            throw new DecisionRefusedException(DecisionRefusedException.Refusal.NOT_AN_APPROVER,
                    "you are not in the approver group " + group + ", which decides this request", current);
        }
        return new Member(current, group);
    }

    /** Records that someone tried to decide and was refused (e.g. not an approver in Slack). */
    public void refuse(String requestId, Reviewer reviewer, String attempted, DecisionRefusedException.Refusal why) {
        ObjectNode details = json.createObjectNode()
                .put("attempted", attempted)
                .put("refusal", why.name())
                .put("via", reviewer.via());
        if (reviewer.slackUserId() != null) {
            details.put("slackUserId", reviewer.slackUserId());
        }
        store.appendAudit(List.of(entry(AuditType.DECISION_REFUSED, requestId, reviewer.identity(), details)));
    }

    /** Remembers where a request's Slack card is, so that whichever server decides can update it. */
    public void recordSlackMessage(String id, String channel, String ts) {
        store.recordSlackMessage(id, channel, ts);
    }

    /** Whether {@code text} has the form of a request id (anything else is never looked up or recorded). */
    public static boolean isRequestId(String text) {
        return text != null && REQUEST_ID.matcher(text).matches();
    }

    /** Expires every pending request past its TTL; returns how many. */
    public int expireDue() {
        int expired = 0;
        for (String id : store.dueForExpiry(clock.instant(), 500)) {
            if (expire(id).isPresent()) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * Records what happened when an approved statement ran.
     *
     * @param key the driver's idempotency key for this outcome, or {@code null}
     * @return {@code false} when an outcome with this key was recorded before (a retry), and nothing was recorded
     */
    public boolean recordOutcome(String client, StoredRequest request, ExecutionOutcome outcome, String key) {
        ObjectNode details = json.valueToTree(outcome);
        return store.appendOnce(client, scoped("outcome", key), request.id(), now(),
                List.of(entry(AuditType.EXECUTION_OUTCOME, request.id(), client, details)));
    }

    /**
     * Records a batch of usage events, one audit record each.
     *
     * @param key the driver's idempotency key for this batch, or {@code null}
     * @return {@code false} when a batch with this key was recorded before (a retry), and nothing was recorded
     */
    public boolean recordUsage(String client, List<Map<String, Object>> events, String key) {
        if (events.size() > MAX_USAGE_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_USAGE_BATCH + " usage events");
        }
        List<AuditEntry> records = new ArrayList<>(events.size());
        for (Map<String, Object> event : events) {
            if (event == null) {
                throw new IllegalArgumentException("a usage event must be a JSON object");
            }
            records.add(entry(AuditType.USAGE_EVENT, null, client, json.valueToTree(event)));
        }
        return store.appendOnce(client, scoped("usage", key), null, now(), records);
    }

    private StoredRequest expireIfDue(StoredRequest request) {
        if (request.pending() && !request.expiresAt().isAfter(clock.instant())) {
            return expire(request.id()).or(() -> store.find(request.id())).orElse(request);
        }
        return request;
    }

    private Optional<StoredRequest> expire(String id) {
        Instant now = now();
        String reason = "nobody decided within " + Durations.describe(settings.ttl());
        Optional<StoredRequest> expired = store.expire(id, now, reason, entry(AuditType.REQUEST_EXPIRED, id,
                "server", json.createObjectNode().put("reason", reason)));
        expired.ifPresent(this::notifyDecided);
        return expired;
    }

    private void notifyDecided(StoredRequest request) {
        notifyListeners(request, Listener::decided);
    }

    /** Tells every listener; one that fails is logged and skipped: the request is already stored and audited. */
    private void notifyListeners(StoredRequest request, BiConsumer<Listener, StoredRequest> event) {
        for (Listener listener : listeners) {
            try {
                event.accept(listener, request);
            } catch (RuntimeException e) {
                LOG.warn("a listener failed on request {}: {}", request.id(), e.toString());
            }
        }
    }

    /** The store keeps milliseconds; so do answers, which then read the same before and after a restart. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static DecisionRefusedException notPending(StoredRequest current) {
        String by = current.reviewer() == null ? "" : " by " + current.reviewer();
        String what = switch (current.state()) {
            case APPROVED -> "already approved" + by;
            case REJECTED -> "already rejected" + by;
            case EXPIRED -> "expired";
            case WITHDRAWN -> "withdrawn: no driver waits for it any more";
            case PENDING -> "still pending";
        };
        return new DecisionRefusedException(DecisionRefusedException.Refusal.NOT_PENDING,
                "request " + current.id() + " is " + what, current);
    }

    private static String checkedReason(String reason, boolean required, StoredRequest current)
            throws DecisionRefusedException {
        String trimmed = reason == null ? null : reason.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw new DecisionRefusedException(DecisionRefusedException.Refusal.INVALID_REASON,
                        "a rejection needs a reason", current);
            }
            return null;
        }
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new DecisionRefusedException(DecisionRefusedException.Refusal.INVALID_REASON,
                    "a reason is at most " + MAX_REASON_LENGTH + " characters long", current);
        }
        return trimmed;
    }

    private AuditEntry created(StoredRequest request) {
        ObjectNode details = json.createObjectNode()
                .put("client", request.client())
                .put("state", request.state().name())
                .put("expiresAt", request.expiresAt().toString());
        details.set("request", json.valueToTree(request.request()));
        return entry(AuditType.REQUEST_CREATED, request.id(), request.client(), details);
    }

    private AuditEntry entry(AuditType type, String requestId, String actor, ObjectNode details) {
        try {
            return new AuditEntry(type, requestId, actor, json.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are plain JSON", e);
        }
    }

    private String newId() {
        byte[] bytes = new byte[REQUEST_ID_RANDOM_BYTES];
        random.nextBytes(bytes);
        return REQUEST_ID_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** What an approval is bound to, hashed: fields are length-prefixed so that no two bindings collide. */
    static String bindingKey(String client, ApprovalRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String field : new String[] {client, request.requester().principal(), request.requester().jdbcUser(),
                request.database(), request.fingerprint()}) {
            byte[] utf8 = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            String prefix = (field == null ? "-" : Integer.toString(utf8.length)) + ":";
            bytes.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
            bytes.writeBytes(utf8);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
