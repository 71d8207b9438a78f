package dev.veil.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.veil.driver.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agents file of {@code veil mcp}: each agent with its bearer token and its own limits. Unknown fields are an
 * error, as in the policy file: a misspelt limit must not silently lift it.
 *
 * <pre>
 * requirePurpose: true
 * agents:
 *   - name: support-bot
 *     token: ${SUPPORT_BOT_TOKEN}      # or the token itself; at least 24 characters
 *     requester: support-bot@agents.example.com
 *     purpose: triage support tickets
 *     tables: [public.tickets, public.customers]
 *     readOnly: true
 *     rowCap: 100
 *     rateLimit: { calls: 60, per: 1m }
 * </pre>
 */
public final class AgentsFile {

    /** The shortest bearer token accepted: shorter ones can be guessed. */
    static final int MIN_TOKEN_LENGTH = 24;
    static final int DEFAULT_ROW_CAP = 100;

    private static final Set<String> TOP = Set.of("requirePurpose", "agents");
    private static final Set<String> AGENT = Set.of("name", "token", "requester", "purpose", "tables", "readOnly",
            "rowCap", "rateLimit");

    private AgentsFile() {
    }

    /** Reads the agents file; {@code environment} supplies {@code ${NAME}} references in tokens. */
    public static Map<String, AgentProfile> read(Path file, Map<String, String> environment) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the agents file " + file + " must be a mapping with 'agents'");
        }
        checkFields(root, TOP, "the agents file");
        boolean requirePurpose = root.path("requirePurpose").asBoolean(false);
        Map<String, AgentProfile> agents = new LinkedHashMap<>();
        Set<String> tokens = new LinkedHashSet<>();
        for (JsonNode a : root.path("agents")) {
            String name = text(a, "name", "an agent");
            String where = "agent '" + name + "'";
            checkFields(a, AGENT, where);
            String token = a.hasNonNull("token") ? resolve(a.get("token").asText(), environment, where) : null;
            if (token != null && (token.length() < MIN_TOKEN_LENGTH || !tokens.add(token))) {
                throw new IllegalArgumentException(where + ": its token must be unique and at least "
                        + MIN_TOKEN_LENGTH + " characters long");
            }
            String purpose = a.hasNonNull("purpose") ? a.get("purpose").asText() : null;
            if (requirePurpose && (purpose == null || purpose.isBlank())) {
                throw new IllegalArgumentException(where + " declares no purpose, and requirePurpose is set");
            }
            List<String> tables = new ArrayList<>();
            a.path("tables").forEach(t -> tables.add(t.asText()));
            AgentProfile.RateLimit limit = null;
            if (a.has("rateLimit")) {
                JsonNode r = a.get("rateLimit");
                limit = new AgentProfile.RateLimit(r.path("calls").asInt(0),
                        r.has("per") ? parseDuration(r.get("per").asText()) : Duration.ofMinutes(1));
            }
            AgentProfile profile = new AgentProfile(name, token,
                    a.hasNonNull("requester") ? a.get("requester").asText() : "agent:" + name, new LinkedHashSet<>(
                    tables), a.path("readOnly").asBoolean(true), a.path("rowCap").asInt(DEFAULT_ROW_CAP), limit,
                    purpose);
            if (agents.put(name, profile) != null) {
                throw new IllegalArgumentException("the agents file names agent '" + name + "' twice");
            }
        }
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("the agents file " + file + " lists no agent");
        }
        return agents;
    }

    static Duration parseDuration(String text) {
        return Settings.parseDuration(text);
    }

    private static String resolve(String value, Map<String, String> environment, String where) {
        if (value.startsWith("${") && value.endsWith("}")) {
            String variable = value.substring(2, value.length() - 1);
            String resolved = environment.get(variable);
            if (resolved == null || resolved.isEmpty()) {
                throw new IllegalArgumentException(where + ": its token comes from " + variable + ", which is not set");
            }
            return resolved;
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs a '" + field + "'");
        }
        return value.asText();
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + " has an unknown field '" + name + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }
}
