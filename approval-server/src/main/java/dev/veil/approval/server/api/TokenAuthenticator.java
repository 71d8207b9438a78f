package dev.veil.approval.server.api;

import dev.veil.approval.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps bearer tokens to callers. Tokens are kept and looked up by their SHA-256 only, so that neither a heap dump
 * shows them nor the lookup's timing depends on how much of a guessed token is right.
 */
public final class TokenAuthenticator {

    private final Map<String, Caller> callers = new HashMap<>();
    private final Set<String> reviewers = new HashSet<>();

    public TokenAuthenticator(ServerConfig.Tokens tokens) {
        for (ServerConfig.DriverToken driver : tokens.drivers()) {
            callers.put(digest(driver.token()), new Caller.Driver(driver.name()));
        }
        for (ServerConfig.ReviewerToken reviewer : tokens.reviewers()) {
            callers.put(digest(reviewer.token()), new Caller.ReviewerCaller(reviewer.identity()));
            reviewers.add(reviewer.identity().trim().toLowerCase(Locale.ROOT));
        }
    }

    /** Whether a reviewer token is bound to {@code identity} (ignoring case). */
    public boolean isReviewer(String identity) {
        return identity != null && reviewers.contains(identity.trim().toLowerCase(Locale.ROOT));
    }

    /** The caller of an {@code Authorization} header value, if it carries a known bearer token. */
    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.trim();
        if (header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(callers.get(digest(token)));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
