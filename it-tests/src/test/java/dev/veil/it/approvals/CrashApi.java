package dev.veil.it.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The approval API as the crash tests call it: raw HTTP, so that the moment of each acknowledgement is exact. */
final class CrashApi {

    static final String DRIVER_TOKEN = "crash-driver-token-0123456789";
    static final String REVIEWER_TOKEN = "crash-reviewer-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and body. */
    record Answer(int status, JsonNode body) {
        String state() {
            return body.path("state").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    CrashApi(URI base) {
        this.base = base.resolve("api/v1/");
    }

    Answer create(String fingerprint, String key) throws IOException, InterruptedException {
        String body = "{\"requester\":{\"principal\":\"alice@example.com\",\"jdbcUser\":\"etl\"},"
                + "\"database\":\"postgresql://db/app\",\"fingerprint\":\"" + fingerprint + "\","
                + "\"statement\":\"TRUNCATE sales.orders\",\"kind\":\"TRUNCATE\",\"rule\":\"ddl.truncate\"}";
        return post("requests", DRIVER_TOKEN, key, body);
    }

    Answer approve(String id, String window) throws IOException, InterruptedException {
        return post("requests/" + id + "/approve", REVIEWER_TOKEN, null,
                window == null ? "{}" : "{\"window\":\"" + window + "\"}");
    }

    Answer reject(String id) throws IOException, InterruptedException {
        return post("requests/" + id + "/reject", REVIEWER_TOKEN, null, "{\"reason\":\"not now\"}");
    }

    Answer outcome(String id, String key) throws IOException, InterruptedException {
        return post("requests/" + id + "/outcome", DRIVER_TOKEN, key,
                "{\"executed\":true,\"rowCount\":0,\"elapsedMillis\":3}");
    }

    Answer withdraw(String id, String waiter) throws IOException, InterruptedException {
        return post("requests/" + id + "/withdraw?waiter=" + waiter, DRIVER_TOKEN, null, "{}");
    }

    Answer usage(String marker, String key) throws IOException, InterruptedException {
        return post("usage-events", DRIVER_TOKEN, key, "{\"events\":[{\"marker\":\"" + marker + "\"}]}");
    }

    Answer read(String id) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("requests/" + id))
                .header("Authorization", "Bearer " + REVIEWER_TOKEN).GET());
    }

    private Answer post(String path, String token, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body().isEmpty() ? "{}" : response.body()));
    }
}
