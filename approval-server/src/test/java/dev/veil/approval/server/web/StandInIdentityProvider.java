package dev.veil.approval.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For tests: a local OpenID Connect provider over real HTTP, standing in for Okta, Entra ID or Google (whose servers
 * cannot be reached from a test). It publishes discovery and a JWKS, and issues real RS256-signed ID tokens through
 * the authorization code flow, checking the client secret, the redirect URI and the PKCE verifier (S256) and
 * echoing the nonce. {@link #signInAs} chooses who the next person to sign in is (no login form).
 * It also serves {@code /forge}: a page of another origin (same site) with a form that posts to the approval server
 * without a CSRF token, as an attacker's page would.
 */
final class StandInIdentityProvider implements AutoCloseable {

    private record Grant(String identity, String clientId, String redirectUri, String nonce, String challenge) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final String clientId;
    private final String clientSecret;
    private final String host;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> tokenCalls = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile String nextIdentity;

    private StandInIdentityProvider(String host, String clientId, String clientSecret) throws IOException {
        this.host = host;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("stand-in-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.createContext("/forge", this::forge);
        server.start();
    }

    /** A provider at {@code http://<host>:<port>}; host is a name of the loopback address. */
    static StandInIdentityProvider start(String host, String clientId, String clientSecret) throws IOException {
        return new StandInIdentityProvider(host, clientId, clientSecret);
    }

    String issuer() {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /** The identity (e-mail address) of whoever signs in next. */
    void signInAs(String email) {
        nextIdentity = email;
    }

    /** How many codes were exchanged for tokens. */
    int tokenExchanges() {
        return tokenCalls.size();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("issuer", issuer());
        metadata.put("authorization_endpoint", issuer() + "/authorize");
        metadata.put("token_endpoint", issuer() + "/token");
        metadata.put("jwks_uri", issuer() + "/jwks");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        send(exchange, 200, "application/json", json.writeValueAsString(metadata));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!clientId.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("nonce") == null
                || query.get("state") == null || nextIdentity == null) {
            send(exchange, 400, "text/plain", "bad authorization request");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(nextIdentity, query.get("client_id"), query.get("redirect_uri"),
                query.get("nonce"), query.get("code_challenge")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(body.getOrDefault("code", ""));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || !grant.challenge().equals(s256(body.getOrDefault("code_verifier", "")))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        tokenCalls.add(grant.identity());
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("sub-" + grant.identity())
                .audience(grant.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce())
                .claim("email", grant.identity())
                .claim("email_verified", true)
                .build();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            idToken.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IOException(e);
        }
        send(exchange, 200, "application/json", json.writeValueAsString(Map.of("access_token", "stand-in-access",
                "token_type", "Bearer", "expires_in", 300, "id_token", idToken.serialize())));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        send(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
    }

    /** An attacker's page: a form posting to {@code target} without the CSRF token. */
    private void forge(HttpExchange exchange) throws IOException {
        String target = form(exchange.getRequestURI().getRawQuery()).get("target");
        String page = "<!DOCTYPE html><html><body><form method=\"post\" action=\"" + target + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"guessed\">"
                + "<button type=\"submit\" id=\"forged\">Win a prize</button></form></body></html>";
        send(exchange, 200, "text/html", page);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
