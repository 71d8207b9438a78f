package dev.veil.approval.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.approval.client.ApiError;
import dev.veil.approval.client.ApprovalJson;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.client.ExecutionOutcome;
import dev.veil.approval.client.UsageEventBatch;
import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.ApprovalService;
import dev.veil.approval.server.DecisionRefusedException;
import dev.veil.approval.server.Reviewer;
import dev.veil.approval.server.Verdict;
import dev.veil.approval.server.config.Durations;
import dev.veil.approval.server.store.StoreException;
import dev.veil.approval.server.store.StoredRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api/v1}. Every endpoint but {@code health} needs a bearer token: driver tokens create
 * requests, wait on their own requests and report outcomes and usage; reviewer tokens list, read, approve and
 * reject. Errors are JSON {@code {"error": "..."}} and never carry a stack trace.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final Pattern REQUEST_PATH = Pattern.compile(
            "/requests/(" + ApprovalService.REQUEST_ID.pattern() + ")(/[a-z]+)?");
    /** The header naming a driver call's idempotency key: a retry with the same key is not recorded twice. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");

    /** The body of an approval through the API. */
    record ApproveBody(String window, String comment) {
    }

    /** The body of a rejection through the API. */
    record RejectBody(String reason) {
    }

    /** The body of an escalation through the API: the approver group to route the request to, and a note. */
    record EscalateBody(String group, String reason) {
    }

    /** A reviewer's action on a request. */
    private interface Action {
        StoredRequest run() throws DecisionRefusedException;
    }

    private final transient ApprovalService service;
    private final transient TokenAuthenticator authenticator;
    private final transient DecisionWaiters waiters;
    private final transient Clock clock;
    private final Duration longPollTimeout;
    private final transient ObjectMapper strict = ApprovalJson.mapper(true);

    public ApiServlet(ApprovalService service, TokenAuthenticator authenticator, DecisionWaiters waiters,
                      Clock clock, Duration longPollTimeout) {
        this.service = service;
        this.authenticator = authenticator;
        this.waiters = waiters;
        this.clock = clock;
        this.longPollTimeout = longPollTimeout;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod();
        try {
            if (path.equals("/health")) {
                if (!method.equals("GET")) {
                    error(resp, 405, "use GET");
                    return;
                }
                write(resp, 200, strict.createObjectNode().put("status", "ok"));
                return;
            }
            Optional<Caller> caller = authenticator.authenticate(req.getHeader("Authorization"));
            if (caller.isEmpty()) {
                resp.setHeader("WWW-Authenticate", "Bearer realm=\"veil-approvals\"");
                error(resp, 401, "a valid bearer token is required");
                return;
            }
            route(req, resp, method, path, caller.get());
        } catch (BadRequest e) {
            error(resp, e.status, e.getMessage());
        } catch (StoreException e) {
            LOG.error("the approval store failed: {}", e.getMessage(), e);
            error(resp, 503, "the approval store is unavailable");
        } catch (RuntimeException e) {
            LOG.error("the approval API failed on {} {}", method, path, e);
            error(resp, 500, "internal error");
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, String method, String path, Caller caller)
            throws IOException {
        if (path.equals("/requests")) {
            switch (method) {
                case "POST" -> create(req, resp, driver(caller));
                case "GET" -> list(req, resp, reviewer(caller));
                default -> error(resp, 405, "use POST or GET");
            }
            return;
        }
        if (path.equals("/usage-events")) {
            if (!method.equals("POST")) {
                error(resp, 405, "use POST");
                return;
            }
            usage(req, resp, driver(caller));
            return;
        }
        Matcher matcher = REQUEST_PATH.matcher(path);
        if (!matcher.matches()) {
            error(resp, 404, "no such endpoint");
            return;
        }
        String id = matcher.group(1);
        String action = matcher.group(2) == null ? "" : matcher.group(2);
        switch (action) {
            case "" -> {
                requireMethod(method, "GET");
                reviewer(caller);
                StoredRequest request = service.find(id).orElseThrow(() -> new BadRequest(404, "no request " + id));
                write(resp, 200, view(request));
            }
            case "/decision" -> {
                requireMethod(method, "GET");
                awaitDecision(req, resp, ownRequest(id, driver(caller)));
            }
            case "/withdraw" -> {
                requireMethod(method, "POST");
                Caller.Driver driver = driver(caller);
                ownRequest(id, driver);
                StoredRequest after = service.withdraw(driver.name(), id, waiter(req))
                        .orElseThrow(() -> new BadRequest(404, "no request " + id));
                write(resp, 200, strict.valueToTree(after.status()));
            }
            case "/outcome" -> {
                requireMethod(method, "POST");
                Caller.Driver driver = driver(caller);
                StoredRequest request = ownRequest(id, driver);
                if (request.state() != ApprovalState.APPROVED) {
                    throw new BadRequest(409, "request " + id + " was not approved");
                }
                String key = key(req);
                boolean first = service.recordOutcome(driver.name(), request, read(req, ExecutionOutcome.class),
                        key);
                write(resp, 202, strict.createObjectNode().put("recorded", true).put("duplicate", !first));
            }
            case "/approve" -> {
                requireMethod(method, "POST");
                Caller.ReviewerCaller reviewer = reviewer(caller);
                ApproveBody body = hasBody(req) ? read(req, ApproveBody.class) : new ApproveBody(null, null);
                Duration window = null;
                if (body.window() != null) {
                    try {
                        window = Durations.parse(body.window());
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest(400, "window: " + e.getMessage());
                    }
                }
                decide(resp, id, reviewer, new Verdict.Approve(window, body.comment()));
            }
            case "/reject" -> {
                requireMethod(method, "POST");
                Caller.ReviewerCaller reviewer = reviewer(caller);
                RejectBody body = read(req, RejectBody.class);
                decide(resp, id, reviewer, new Verdict.Reject(body.reason()));
            }
            case "/escalate" -> {
                requireMethod(method, "POST");
                Caller.ReviewerCaller reviewer = reviewer(caller);
                EscalateBody body = read(req, EscalateBody.class);
                act(resp, () -> service.escalate(id, Reviewer.api(reviewer.identity()), body.group(),
                        body.reason()));
            }
            default -> error(resp, 404, "no such endpoint");
        }
    }

    private void create(HttpServletRequest req, HttpServletResponse resp, Caller.Driver driver) throws IOException {
        String key = key(req);
        ApprovalRequest request = read(req, ApprovalRequest.class);
        ApprovalService.Submission submission;
        try {
            submission = service.submit(driver.name(), request, key);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
        boolean created = submission.kind() == ApprovalService.Submission.Kind.NEW
                || submission.kind() == ApprovalService.Submission.Kind.WINDOW;
        write(resp, created ? 201 : 200, strict.valueToTree(submission.request().status()));
    }

    /** The call's idempotency key, or {@code null} when it has none. */
    private static String key(HttpServletRequest req) {
        String key = req.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw new BadRequest(400, IDEMPOTENCY_KEY + " must be 8 to 100 letters, digits, '-' or '_'");
        }
        return key;
    }

    /** The waiting driver's id (the idempotency key of its create call), or {@code null} for an anonymous one. */
    private static String waiter(HttpServletRequest req) {
        String waiter = req.getParameter("waiter");
        if (waiter == null || waiter.isEmpty()) {
            return null;
        }
        if (!KEY.matcher(waiter).matches()) {
            throw new BadRequest(400, "waiter must be the Idempotency-Key of the call that created the request");
        }
        return waiter;
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Caller.ReviewerCaller reviewer)
            throws IOException {
        ApprovalState state = null;
        String stateParam = req.getParameter("state");
        if (stateParam != null && !stateParam.isBlank()) {
            try {
                state = ApprovalState.valueOf(stateParam.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "state must be one of PENDING, APPROVED, REJECTED, EXPIRED, WITHDRAWN");
            }
        }
        int limit = intParam(req, "limit", 50, 1, 500);
        ObjectNode body = strict.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (StoredRequest request : service.list(state, limit)) {
            requests.add(view(request));
        }
        write(resp, 200, body);
    }

    private void usage(HttpServletRequest req, HttpServletResponse resp, Caller.Driver driver) throws IOException {
        String key = key(req);
        UsageEventBatch batch = read(req, UsageEventBatch.class);
        boolean first;
        try {
            first = service.recordUsage(driver.name(), batch.events(), key);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
        write(resp, 202, strict.createObjectNode().put("recorded", first ? batch.events().size() : 0)
                .put("duplicate", !first));
    }

    private void decide(HttpServletResponse resp, String id, Caller.ReviewerCaller reviewer, Verdict verdict)
            throws IOException {
        act(resp, () -> service.decide(id, Reviewer.api(reviewer.identity()), verdict));
    }

    private void act(HttpServletResponse resp, Action action) throws IOException {
        try {
            StoredRequest decided = action.run();
            write(resp, 200, view(decided));
        } catch (DecisionRefusedException e) {
            int status = switch (e.refusal()) {
                case NOT_FOUND -> 404;
                case NOT_PENDING -> 409;
                case SELF_APPROVAL, NOT_AN_APPROVER -> 403;
                case INVALID_WINDOW, INVALID_REASON, INVALID_GROUP -> 400;
            };
            error(resp, status, e.getMessage());
        }
    }

    /** Answers at once when decided, otherwise holds the call (asynchronously) until a decision or the hold ends. */
    private void awaitDecision(HttpServletRequest req, HttpServletResponse resp, StoredRequest request)
            throws IOException {
        long requested = intParam(req, "waitSeconds", 0, 0, Integer.MAX_VALUE);
        Duration hold = Duration.ofSeconds(requested);
        if (hold.compareTo(longPollTimeout) > 0) {
            hold = longPollTimeout;
        }
        if (request.pending()) {
            // the driver is still there: its lease lasts this call and requests.waiterLease beyond
            service.renewLease(request.id(), waiter(req), hold);
        }
        if (!request.pending() || hold.isZero()) {
            write(resp, 200, strict.valueToTree(request.status()));
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(hold.plusSeconds(30).toMillis());
        DecisionWaiters.Waiter waiter = waiters.hold(request.id(), clock.instant().plus(hold),
                current -> finish(async, 200, strict.valueToTree(current.status())),
                () -> finish(async, 503, strict.valueToTree(new ApiError("the approval server is shutting down"))));
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                waiter.abandon();
                event.getAsyncContext().complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                waiter.abandon();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        // a decision may have landed between the read above and the registration
        service.find(request.id()).filter(current -> !current.pending()).ifPresent(waiter::answer);
    }

    private void finish(AsyncContext async, int status, Object body) {
        try {
            write((HttpServletResponse) async.getResponse(), status, body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("a waiting driver went away: {}", e.toString());
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // already completed by a timeout
            }
        }
    }

    private StoredRequest ownRequest(String id, Caller.Driver driver) {
        // another driver's request is reported as absent: its existence is none of this driver's business
        return service.find(id).filter(request -> request.client().equals(driver.name()))
                .orElseThrow(() -> new BadRequest(404, "no request " + id));
    }

    private ObjectNode view(StoredRequest request) {
        ObjectNode view = strict.valueToTree(request.status());
        view.put("client", request.client());
        view.set("request", strict.valueToTree(request.request()));
        return view;
    }

    private static Caller.Driver driver(Caller caller) {
        if (caller instanceof Caller.Driver driver) {
            return driver;
        }
        throw new BadRequest(403, "this endpoint is for drivers; a reviewer token cannot use it");
    }

    private static Caller.ReviewerCaller reviewer(Caller caller) {
        if (caller instanceof Caller.ReviewerCaller reviewer) {
            return reviewer;
        }
        throw new BadRequest(403, "this endpoint is for reviewers; a driver token cannot use it");
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new BadRequest(405, "use " + expected);
        }
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    private <T> T read(HttpServletRequest req, Class<T> type) throws IOException {
        String contentType = req.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(415, "send the body as application/json");
        }
        // RequestLimitsFilter refuses larger bodies first; the bounded read keeps memory bounded without it
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(ApprovalServer.MAX_BODY_BYTES + 1);
        }
        if (body.length > ApprovalServer.MAX_BODY_BYTES) {
            throw new BadRequest(413, "the body is larger than " + ApprovalServer.MAX_BODY_BYTES + " bytes");
        }
        try {
            T value = strict.readValue(body, type);
            if (value == null) {
                throw new BadRequest(400, "the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequest(400, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "the body is not a valid " + type.getSimpleName() + ": "
                    + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException json ? json.getOriginalMessage()
                : root.getMessage();
        if (message == null) {
            return root.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static int intParam(HttpServletRequest req, String name, int fallback, int min, int max) {
        String value = req.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new BadRequest(400, name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequest(400, name + " must be a number");
        }
    }

    private void write(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = strict.writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private void error(HttpServletResponse resp, int status, String message) throws IOException {
        JsonErrors.write(resp, status, message);
    }

    /** A request the API answers with an error status and message. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
