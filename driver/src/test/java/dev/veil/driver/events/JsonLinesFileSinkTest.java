package dev.veil.driver.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileSinkTest {

    @TempDir
    Path dir;

    private static UsageEvent event(int n) {
        return new UsageEvent(Instant.parse("2026-01-02T03:04:05Z"), "app", "alice", "notebook", "fp" + n, "QUERY",
                List.of("public.customers"), List.of(new UsageEvent.TouchedColumn("public.customers.email", "email",
                "RULE")), List.of("public.customers.email=email"), "MASKED", null, false, 3, 1200, null,
                "SELECT email FROM customers WHERE id = ?");
    }

    @Test
    void writesOneJsonObjectPerLine() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        JsonLinesFileSink sink = new JsonLinesFileSink(file, 100);
        sink.accept(event(1));
        sink.accept(event(2));
        sink.close();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(first.get("fingerprint").asText()).isEqualTo("fp1");
        assertThat(first.get("statement").asText()).isEqualTo("SELECT email FROM customers WHERE id = ?");
        assertThat(first.get("columns").get(0).get("sensitivityClass").asText()).isEqualTo("email");
        assertThat(first.get("rows").asLong()).isEqualTo(3);
        assertThat(sink.dropped()).isZero();
    }

    @Test
    void dropsAndCountsWhenTheFileCannotBeWritten() {
        JsonLinesFileSink sink = new JsonLinesFileSink(dir, 100); // a directory cannot be appended to
        sink.accept(event(1));
        sink.close();
        assertThat(sink.dropped()).isEqualTo(1);
    }

    @Test
    void dropsAndCountsAfterClose() {
        JsonLinesFileSink sink = new JsonLinesFileSink(dir.resolve("a.jsonl"), 1);
        sink.close();
        sink.accept(event(1));
        assertThat(sink.dropped()).isEqualTo(1);
    }
}
