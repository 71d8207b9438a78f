package dev.veil.approval.server.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in reviewers and sign-ins under way, in memory: a restart signs everyone out, and behind a load balancer
 * the web page needs sticky sessions. Ids and tokens are 256 random bits; the session id changes at sign-in.
 */
final class WebSessions {

    /** A signed-in reviewer; {@code csrf} must come back with every form. */
    static final class Session {
        final String id;
        final String identity;
        final String csrf;
        final Instant expiresAt;
        volatile String flash;

        Session(String id, String identity, String csrf, Instant expiresAt) {
            this.id = id;
            this.identity = identity;
            this.csrf = csrf;
            this.expiresAt = expiresAt;
        }

        /** The message for the next page, once. */
        String takeFlash() {
            String message = flash;
            flash = null;
            return message;
        }
    }

    /**
     * A sign-in under way, bound to the browser that started it by a cookie.
     *
     * @param csrf     the token the sign-in form must send back
     * @param state    the OpenID Connect state, {@code null} until the provider is asked
     * @param nonce    the nonce the ID token must carry
     * @param verifier the PKCE code verifier
     */
    record SignIn(String csrf, String state, String nonce, String verifier, Instant expiresAt) {
    }

    static final Duration SIGN_IN_TTL = Duration.ofMinutes(10);
    /** The most sign-ins under way at once; beyond it the oldest are forgotten (their browsers start again). */
    static final int MAX_SIGN_INS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, SignIn> signIns = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    WebSessions(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Session open(String identity) {
        prune();
        Session session = new Session(randomToken(), identity, randomToken(), clock.instant().plus(ttl));
        sessions.put(session.id, session);
        return session;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session != null && !session.expiresAt.isAfter(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Starts (or restarts) a sign-in; returns the cookie value that binds it to the browser. */
    String startSignIn(SignIn signIn) {
        prune();
        // anyone may open the sign-in page: keep what they can make the server remember bounded
        var oldest = signIns.entrySet().iterator();
        while (signIns.size() >= MAX_SIGN_INS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        String key = randomToken();
        signIns.put(key, signIn);
        return key;
    }

    Optional<SignIn> signIn(String key) {
        if (key == null) {
            return Optional.empty();
        }
        SignIn signIn = signIns.get(key);
        return signIn != null && signIn.expiresAt().isAfter(clock.instant()) ? Optional.of(signIn) : Optional.empty();
    }

    /** A sign-in is used once. */
    Optional<SignIn> finishSignIn(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(signIns.remove(key))
                .filter(signIn -> signIn.expiresAt().isAfter(clock.instant()));
    }

    Instant signInExpiry() {
        return clock.instant().plus(SIGN_IN_TTL);
    }

    private void prune() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expiresAt.isAfter(now));
        signIns.values().removeIf(signIn -> !signIn.expiresAt().isAfter(now));
    }
}
