package dev.veil.it.tpch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The usage events Veil appends to an audit file ({@code veil.audit.file}), to see what Veil did with a statement:
 * which sensitive columns it touched and which masks it applied. Each connection declares a distinct
 * {@code veil.requester}, by which its event is found; events are written by a background thread, so reading waits
 * a little for them.
 */
final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private AuditLog(Path file) {
        this.file = file;
    }

    static AuditLog create(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "tpch"));
            Path file = dir.resolve(name + "-" + ProcessHandle.current().pid() + "-audit.jsonl").toAbsolutePath();
            Files.deleteIfExists(file);
            return new AuditLog(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connection properties that send this connection's events here, under {@code requester}. */
    Properties settings(String requester) {
        Properties p = new Properties();
        p.setProperty("veil.audit.file", file.toString());
        p.setProperty("veil.requester", requester);
        return p;
    }

    /** The event of the one statement {@code requester} ran, waiting up to ten seconds for it to be written. */
    JsonNode eventOf(String requester) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            JsonNode found = null;
            int count = 0;
            if (Files.exists(file)) {
                try {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode event = JSON.readTree(line);
                        if (requester.equals(event.path("requester").asText(null))) {
                            found = event;
                            count++;
                        }
                    }
                } catch (IOException e) {
                    // a line being written: read again
                    count = -1;
                }
            }
            if (count > 1) {
                throw new IllegalStateException("several events for " + requester + " in " + file);
            }
            if (count == 1) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no usage event for " + requester + " in " + file);
            }
            Thread.sleep(20);
        }
    }
}
