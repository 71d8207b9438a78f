package dev.veil.spark.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real approval server, run as users run it ({@code java -jar veil.jar approvals serve --config …}) in a process
 * of its own — its libraries are not relocated, the driver's self-contained jar's are — with one driver token and one
 * reviewer, who decides through the REST API.
 */
final class ApprovalServerProcess implements AutoCloseable {

    static final String DRIVER_TOKEN = "spark-it-driver-token-0123456789";
    static final String REVIEWER_TOKEN = "spark-it-reviewer-token-0123456789";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

    private final Process process;
    private final URI baseUrl;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    ApprovalServerProcess(Path dir) throws IOException {
        Path config = dir.resolve("approvals-server.yaml");
        Files.writeString(config, "listen: {port: 0}\n"
                + "store: {url: \"jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + "\"}\n"
                + "requests: {longPollTimeout: 2s, storePollInterval: 100ms}\n"
                + "tokens:\n"
                + "  drivers: [{name: spark-it, token: " + DRIVER_TOKEN + "}]\n"
                + "  reviewers: [{identity: dba@example.com, token: " + REVIEWER_TOKEN + "}]\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-jar", System.getProperty("veil.it.cliJar"), "approvals", "serve",
                "--config", config.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        URI found = null;
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null && found == null; line = found == null ? out.readLine()
                : null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                found = URI.create(m.group(1));
            }
        }
        if (found == null) {
            process.destroyForcibly();
            throw new IOException("the approval server did not start:\n" + seen);
        }
        baseUrl = found;
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "approval-server-output");
        drain.setDaemon(true);
        drain.start();
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** The reviewer's listing of requests ({@code query}: e.g. {@code ?state=PENDING}), newest first. */
    List<JsonNode> requests(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(baseUrl.resolve("api/v1/requests" + query))
                .header("Authorization", "Bearer " + REVIEWER_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> out = new ArrayList<>();
        json.readTree(r.body()).get("requests").forEach(out::add);
        return out;
    }

    /** The reviewer approves a request, without a window of their own. */
    void approve(String id) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(baseUrl.resolve("api/v1/requests/" + id + "/approve"))
                .header("Authorization", "Bearer " + REVIEWER_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
