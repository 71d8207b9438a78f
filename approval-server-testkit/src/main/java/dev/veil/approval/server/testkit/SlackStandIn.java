package dev.veil.approval.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API, for tests: answers {@code auth.test}, {@code chat.postMessage},
 * {@code chat.update}, {@code chat.postEphemeral}, {@code users.info}, {@code usergroups.users.list} and
 * {@code views.open} the way Slack does (HTTP 200, {@code "ok": true|false}) and records every call. Point the
 * Slack client at {@link #methodsUrlPrefix()} (Bolt's configurable methods endpoint URL prefix).
 *
 * <p>Calls that do not carry {@link #botToken()} as bearer token are answered {@code invalid_auth}, as Slack would.
 */
public final class SlackStandIn implements AutoCloseable {

    public static final String TEAM_ID = "T0VEILTEST";
    public static final String BOT_USER_ID = "U0VEILBOT";

    /**
     * One recorded call.
     *
     * @param method   the Web API method, e.g. {@code chat.postMessage}
     * @param params   its parameters
     * @param ok       whether it was answered {@code "ok": true}
     * @param response the answer
     */
    public record Call(String method, Map<String, String> params, boolean ok, JsonNode response) {

        public String param(String name) {
            return params.get(name);
        }

        /** A parameter that carries JSON, such as {@code blocks} or {@code view}. */
        public JsonNode json(String name) {
            String value = params.get(name);
            if (value == null) {
                return null;
            }
            try {
                return JSON.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String botToken;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private volatile String appToken;
    private volatile String socketUrl;
    private final AtomicLong sequence = new AtomicLong(1_700_000_000_000L);

    private SlackStandIn(String botToken) throws IOException {
        this.botToken = botToken;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "slack-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/api/", this::handle);
        server.start();
    }

    /** Starts a stand-in on a free loopback port that accepts {@code botToken}. */
    public static SlackStandIn start(String botToken) {
        try {
            return new SlackStandIn(botToken);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Slack stand-in", e);
        }
    }

    /** The prefix to which Slack's client appends method names: {@code http://127.0.0.1:port/api/}. */
    public String methodsUrlPrefix() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/api/";
    }

    public String botToken() {
        return botToken;
    }

    /** Adds a user to the workspace directory that {@code users.info} answers from. */
    public SlackStandIn user(String userId, String email) {
        emails.put(userId, email);
        return this;
    }

    /** Adds a user without an e-mail address (a bot, or a profile without the e-mail visible). */
    public SlackStandIn userWithoutEmail(String userId) {
        emails.put(userId, "");
        return this;
    }

    /** Sets the members of a user group that {@code usergroups.users.list} answers with. */
    public SlackStandIn userGroup(String groupId, String... userIds) {
        userGroups.put(groupId, List.of(userIds));
        return this;
    }

    /**
     * Answers {@code apps.connections.open}, called with the app-level token {@code appToken}, with
     * {@code socketUrl}: where a Socket Mode app connects (a {@link SocketModeStandIn}).
     */
    public SlackStandIn socketMode(String appToken, String socketUrl) {
        this.appToken = appToken;
        this.socketUrl = socketUrl;
        return this;
    }

    /** Makes a method answer {@code "ok": false} with the given error from now on. */
    public SlackStandIn fail(String method, String error) {
        failures.put(method, error);
        return this;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Waits until a call of {@code method} that matches {@code condition} has been recorded, and returns it. */
    public synchronized Call awaitCall(String method, Predicate<Call> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Call call : calls) {
                if (call.method().equals(method) && condition.test(call)) {
                    return call;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + method + " call matched within " + timeout + "; calls: "
                        + calls.stream().map(Call::method).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public Call awaitCall(String method, Duration timeout) throws InterruptedException {
        return awaitCall(method, call -> true, timeout);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = readParams(exchange);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = params.get("token");
            boolean authorized = ("Bearer " + botToken).equals(authorization) || botToken.equals(token)
                    || (method.equals("apps.connections.open") || method.equals("auth.test")) && appToken != null
                    && ("Bearer " + appToken).equals(authorization);
            ObjectNode answer = authorized ? answer(method, params) : error("invalid_auth");
            synchronized (this) {
                calls.add(new Call(method, Map.copyOf(params), answer.path("ok").asBoolean(), answer.deepCopy()));
                notifyAll();
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ObjectNode answer(String method, Map<String, String> params) {
        String failure = failures.get(method);
        if (failure != null) {
            return error(failure);
        }
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "auth.test" -> ok.put("url", "https://veil-test.slack.com/").put("team", "Veil Test")
                    .put("user", "veil").put("team_id", TEAM_ID).put("user_id", BOT_USER_ID).put("bot_id", "B0VEILBOT");
            case "chat.postMessage" -> {
                String ts = nextTs();
                ok.put("channel", params.get("channel")).put("ts", ts);
                ok.putObject("message").put("ts", ts).put("text", params.getOrDefault("text", ""));
            }
            case "apps.connections.open" -> ok.put("url", socketUrl);
            case "chat.update" -> ok.put("channel", params.get("channel")).put("ts", params.get("ts"));
            case "chat.postEphemeral" -> ok.put("message_ts", nextTs());
            case "users.info" -> {
                String userId = params.get("user");
                String email = userId == null ? null : emails.get(userId);
                if (email == null) {
                    return error("user_not_found");
                }
                ObjectNode user = ok.putObject("user").put("id", userId).put("team_id", TEAM_ID)
                        .put("name", userId.toLowerCase()).put("is_bot", email.isEmpty());
                ObjectNode profile = user.putObject("profile").put("real_name", userId);
                if (!email.isEmpty()) {
                    profile.put("email", email);
                }
            }
            case "usergroups.users.list" -> {
                List<String> members = userGroups.get(params.get("usergroup"));
                if (members == null) {
                    return error("no_such_subteam");
                }
                ArrayNode users = ok.putArray("users");
                members.forEach(users::add);
            }
            case "views.open" -> ok.putObject("view").put("id", "V" + sequence.incrementAndGet())
                    .put("type", "modal");
            default -> {
                return error("unknown_method");
            }
        }
        return ok;
    }

    private String nextTs() {
        long value = sequence.incrementAndGet();
        return value / 1_000 + "." + String.format("%06d", value % 1_000);
    }

    private static ObjectNode error(String error) {
        return JSON.createObjectNode().put("ok", false).put("error", error);
    }

    private static Map<String, String> readParams(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            parseForm(query, params);
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/json")) {
            JsonNode json = JSON.readTree(body);
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                JsonNode value = field.getValue();
                params.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        } else if (!body.isEmpty()) {
            parseForm(body, params);
        }
        return params;
    }

    private static void parseForm(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
