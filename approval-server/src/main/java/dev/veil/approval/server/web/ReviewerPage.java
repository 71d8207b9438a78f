package dev.veil.approval.server.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.ApprovalService;
import dev.veil.approval.server.DecisionRefusedException;
import dev.veil.approval.server.Reviewer;
import dev.veil.approval.server.Verdict;
import dev.veil.approval.server.api.Caller;
import dev.veil.approval.server.api.TokenAuthenticator;
import dev.veil.approval.server.config.Durations;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.StoreException;
import dev.veil.approval.server.store.StoredRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewer web page at {@code /web/}: the queue of pending requests, a request's detail and its decisions
 * (Approve, Approve for a window, Reject with a reason, Escalate), all server-side rendered (mustache templates,
 * which escape every value) and decided by {@link ApprovalService}, exactly as from Slack or the API.
 *
 * <p>Sign-in through OpenID Connect ({@link OidcSignIn}) or with a reviewer token; the identity must be a reviewer
 * (a member of an approver group, or the identity of a reviewer token). Session cookies are HttpOnly, Secure and
 * SameSite=Lax; every form carries the session's CSRF token, and a POST without it changes nothing (403). Every
 * answer carries a strict Content-Security-Policy (no script at all), and is never cached.
 */
public final class ReviewerPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReviewerPage.class);
    static final String SESSION_COOKIE = "veil_session";
    static final String SIGN_IN_COOKIE = "veil_signin";
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    private static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofHours(8));

    private final transient ApprovalService service;
    private final transient TokenAuthenticator tokens;
    private final transient OidcSignIn oidc;
    private final transient WebSessions sessions;
    private final transient MustacheFactory templates = new DefaultMustacheFactory("dev/veil/approval/server/web");
    private final transient ServerConfig.Requests settings;
    private final transient Clock clock;

    /**
     * @param callbackUrl where the identity provider sends the browser back: {@code <public URL>web/oidc/callback}
     */
    public ReviewerPage(ApprovalService service, TokenAuthenticator tokens, ServerConfig.Web web,
                        ServerConfig.Requests settings, Supplier<URI> callbackUrl, Clock clock) {
        this.service = service;
        this.tokens = tokens;
        this.oidc = web.oidc() == null ? null : new OidcSignIn(web.oidc(), callbackUrl);
        this.sessions = new WebSessions(web.sessionTtl(), clock);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        secure(resp);
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            switch (path) {
                case "" -> resp.sendRedirect(req.getContextPath() + "/web/");
                case "/style.css" -> style(resp);
                case "/signin" -> signInPage(req, resp, null);
                case "/signin/oidc" -> startOidc(req, resp);
                case "/oidc/callback" -> oidcCallback(req, resp);
                case "/" -> queue(req, resp);
                default -> {
                    String id = path.startsWith("/requests/") ? path.substring("/requests/".length()) : null;
                    if (!ApprovalService.isRequestId(id)) {
                        page(resp, 404, "message", Map.of("title", "Not found", "text", "There is no such page."));
                        return;
                    }
                    detail(req, resp, id);
                }
            }
        } catch (StoreException e) {
            LOG.error("the approval store failed: {}", e.getMessage(), e);
            page(resp, 503, "message", Map.of("title", "Unavailable", "text", "The approval store is unavailable."));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        secure(resp);
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            if (path.equals("/signin/token")) {
                tokenSignIn(req, resp);
                return;
            }
            Optional<WebSessions.Session> session = session(req);
            if (session.isEmpty()) {
                page(resp, 401, "message", Map.of("title", "Signed out",
                        "text", "Your session has ended. Sign in again."));
                return;
            }
            if (!sameToken(session.get().csrf, req.getParameter("csrf"))) {
                LOG.warn("a form without a valid CSRF token was refused for {}", session.get().identity);
                page(resp, 403, "message", Map.of("title", "Refused",
                        "text", "This form did not come from this page (CSRF check failed); nothing was changed."));
                return;
            }
            if (path.equals("/signout")) {
                sessions.close(session.get().id);
                clearCookie(resp, SESSION_COOKIE);
                resp.sendRedirect("/web/signin");
                return;
            }
            String[] parts = path.split("/");
            if (parts.length != 4 || !parts[1].equals("requests") || !ApprovalService.isRequestId(parts[2])) {
                page(resp, 404, "message", Map.of("title", "Not found", "text", "There is no such form."));
                return;
            }
            decide(req, resp, session.get(), parts[2], parts[3]);
        } catch (StoreException e) {
            LOG.error("the approval store failed: {}", e.getMessage(), e);
            page(resp, 503, "message", Map.of("title", "Unavailable", "text", "The approval store is unavailable."));
        }
    }

    private void decide(HttpServletRequest req, HttpServletResponse resp, WebSessions.Session session, String id,
                        String action) throws IOException {
        Reviewer reviewer = Reviewer.web(session.identity);
        try {
            switch (action) {
                case "approve" -> {
                    Duration window = windowOf(req.getParameter("window"));
                    service.decide(id, reviewer, new Verdict.Approve(window, req.getParameter("comment")));
                    session.flash = window == null ? "Approved." : "Approved for " + Durations.describe(window) + ".";
                }
                case "reject" -> {
                    service.decide(id, reviewer, new Verdict.Reject(req.getParameter("reason")));
                    session.flash = "Rejected.";
                }
                case "escalate" -> {
                    String group = req.getParameter("group");
                    service.escalate(id, reviewer, group, req.getParameter("reason"));
                    session.flash = "Escalated to " + group + ".";
                }
                default -> {
                    page(resp, 404, "message", Map.of("title", "Not found", "text", "There is no such form."));
                    return;
                }
            }
        } catch (DecisionRefusedException e) {
            session.flash = "Refused: " + e.getMessage() + ".";
        } catch (IllegalArgumentException e) {
            session.flash = "Refused: " + e.getMessage() + ".";
        }
        resp.setStatus(303);
        resp.setHeader("Location", "/web/requests/" + id);
    }

    private static Duration windowOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Duration window : WINDOWS) {
            if (window.toString().equals(text)) {
                return window;
            }
        }
        throw new IllegalArgumentException("choose one of the offered approval windows");
    }

    private void queue(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<WebSessions.Session> session = session(req);
        if (session.isEmpty()) {
            resp.sendRedirect("/web/signin");
            return;
        }
        List<Map<String, Object>> rows = service.list(ApprovalState.PENDING, 200).stream()
                .map(request -> RequestView.summary(request, service.groupOf(request.id()))).toList();
        Map<String, Object> scope = base(session.get());
        scope.put("requests", rows);
        scope.put("empty", rows.isEmpty());
        page(resp, 200, "queue", scope);
    }

    private void detail(HttpServletRequest req, HttpServletResponse resp, String id) throws IOException {
        Optional<WebSessions.Session> session = session(req);
        if (session.isEmpty()) {
            resp.sendRedirect("/web/signin");
            return;
        }
        Optional<StoredRequest> request = service.find(id);
        if (request.isEmpty()) {
            page(resp, 404, "message", Map.of("title", "Not found", "text", "There is no request " + id + "."));
            return;
        }
        String group = service.groupOf(id);
        Map<String, Object> scope = base(session.get());
        scope.put("request", RequestView.detail(request.get(), group, service.history(id)));
        if (request.get().pending()) {
            scope.put("pending", true);
            scope.put("windows", WINDOWS.stream().filter(w -> w.compareTo(settings.maxApprovalWindow()) <= 0)
                    .map(w -> Map.of("value", w.toString(), "label", Durations.describe(w))).toList());
            List<String> others = service.groups().names().stream().filter(name -> !name.equals(group)).toList();
            scope.put("escalation", others.isEmpty() ? null : Map.of("groups", others));
        }
        page(resp, 200, "detail", scope);
    }

    private Map<String, Object> base(WebSessions.Session session) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("identity", session.identity);
        scope.put("csrf", session.csrf);
        String flash = session.takeFlash();
        if (flash != null) {
            scope.put("flash", flash);
        }
        return scope;
    }

    private void signInPage(HttpServletRequest req, HttpServletResponse resp, String error) throws IOException {
        String csrf = sessions.randomToken();
        String key = sessions.startSignIn(new WebSessions.SignIn(csrf, null, null, null, sessions.signInExpiry()));
        setCookie(resp, SIGN_IN_COOKIE, key, WebSessions.SIGN_IN_TTL);
        Map<String, Object> scope = new HashMap<>();
        scope.put("oidc", oidc != null);
        scope.put("csrf", csrf);
        if (error != null) {
            scope.put("error", error);
        }
        page(resp, error == null ? 200 : 403, "signin", scope);
    }

    private void startOidc(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (oidc == null) {
            page(resp, 404, "message", Map.of("title", "Not found", "text", "Single sign-on is not configured."));
            return;
        }
        WebSessions.SignIn signIn = new WebSessions.SignIn(sessions.randomToken(), sessions.randomToken(),
                sessions.randomToken(), OidcSignIn.newVerifier(), sessions.signInExpiry());
        try {
            URI target = oidc.authorizationUri(signIn);
            setCookie(resp, SIGN_IN_COOKIE, sessions.startSignIn(signIn), WebSessions.SIGN_IN_TTL);
            resp.sendRedirect(target.toString());
        } catch (OidcSignIn.SignInFailed e) {
            LOG.warn("OpenID Connect sign-in could not start: {}", e.getMessage());
            signInPage(req, resp, e.getMessage());
        }
    }

    private void oidcCallback(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<WebSessions.SignIn> signIn = sessions.finishSignIn(cookie(req, SIGN_IN_COOKIE))
                .filter(s -> s.state() != null);
        if (oidc == null || signIn.isEmpty()) {
            signInPage(req, resp, "This sign-in was not started here or took too long; start again.");
            return;
        }
        String identity;
        try {
            URI callback = URI.create("https://callback/?" + (req.getQueryString() == null ? ""
                    : req.getQueryString()));
            identity = oidc.complete(callback, signIn.get());
        } catch (OidcSignIn.SignInFailed e) {
            LOG.warn("an OpenID Connect sign-in failed: {}", e.getMessage());
            signInPage(req, resp, "Sign-in failed: " + e.getMessage() + ".");
            return;
        }
        signedIn(req, resp, identity, "OpenID Connect");
    }

    private void tokenSignIn(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<WebSessions.SignIn> signIn = sessions.finishSignIn(cookie(req, SIGN_IN_COOKIE));
        if (signIn.isEmpty() || !sameToken(signIn.get().csrf(), req.getParameter("csrf"))) {
            page(resp, 403, "message", Map.of("title", "Refused",
                    "text", "This form did not come from this page (CSRF check failed). Open the sign-in page again."));
            return;
        }
        String token = req.getParameter("token");
        Optional<Caller> caller = token == null || token.isBlank() ? Optional.empty()
                : tokens.authenticate("Bearer " + token.strip());
        if (caller.isEmpty() || !(caller.get() instanceof Caller.ReviewerCaller reviewer)) {
            LOG.warn("a web sign-in with an unknown or non-reviewer token was refused");
            signInPage(req, resp, "That is not a reviewer token.");
            return;
        }
        signedIn(req, resp, reviewer.identity(), "reviewer token");
    }

    private void signedIn(HttpServletRequest req, HttpServletResponse resp, String identity, String how)
            throws IOException {
        if (!isReviewer(identity)) {
            LOG.warn("{} signed in through {} but is not a reviewer; refused", identity, how);
            clearCookie(resp, SIGN_IN_COOKIE);
            page(resp, 403, "message", Map.of("title", "Not a reviewer",
                    "text", identity + " is not among the reviewers of Veil requests."));
            return;
        }
        sessions.close(cookie(req, SESSION_COOKIE));
        WebSessions.Session session = sessions.open(identity);
        LOG.info("{} signed in to the reviewer page through {}", identity, how);
        setCookie(resp, SESSION_COOKIE, session.id, null);
        clearCookie(resp, SIGN_IN_COOKIE);
        resp.setStatus(303);
        resp.setHeader("Location", "/web/");
    }

    /** A reviewer is a member of an approver group or the identity of a reviewer token. */
    private boolean isReviewer(String identity) {
        return service.groups().namesMember(identity) || tokens.isReviewer(identity);
    }

    private Optional<WebSessions.Session> session(HttpServletRequest req) {
        return sessions.find(cookie(req, SESSION_COOKIE));
    }

    private void page(HttpServletResponse resp, int status, String template, Map<String, ?> scope)
            throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        Mustache mustache = templates.compile(template + ".mustache");
        try (Writer writer = resp.getWriter()) {
            mustache.execute(writer, scope);
        }
    }

    private static void style(HttpServletResponse resp) throws IOException {
        resp.setContentType("text/css;charset=utf-8");
        try (InputStream css = ReviewerPage.class.getResourceAsStream("style.css")) {
            if (css == null) {
                throw new IOException("style.css is missing from the jar");
            }
            css.transferTo(resp.getOutputStream());
        }
    }

    private static void secure(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Cache-Control", "no-store");
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpServletRequest req, String name) {
        if (req.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : req.getCookies()) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** HttpOnly, Secure, SameSite=Lax (the provider's redirect back is a cross-site navigation), path /web. */
    private static void setCookie(HttpServletResponse resp, String name, String value, Duration maxAge) {
        resp.addHeader("Set-Cookie", name + "=" + value + "; Path=/web; HttpOnly; Secure; SameSite=Lax"
                + (maxAge == null ? "" : "; Max-Age=" + maxAge.toSeconds()));
    }

    private static void clearCookie(HttpServletResponse resp, String name) {
        resp.addHeader("Set-Cookie", name + "=; Path=/web; HttpOnly; Secure; SameSite=Lax; Max-Age=0");
    }
}
