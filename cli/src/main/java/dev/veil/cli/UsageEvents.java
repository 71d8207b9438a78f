package dev.veil.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.veil.approval.server.audit.AuditRecords;
import dev.veil.approval.server.audit.AuditType;
import dev.veil.approval.server.store.Database;
import dev.veil.driver.events.UsageEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Usage events as the driver writes them: a JSON-lines file ({@code veil.audit.file}) or the approval server's audit
 * log ({@code veil.audit.ship}). Fields a newer driver adds are ignored, except the statement text with literals
 * redacted, which is kept when an event carries it.
 */
final class UsageEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Where events may carry the statement text with literals redacted, by the name a driver version gives it. */
    private static final List<String> STATEMENT_FIELDS = List.of("statement", "redactedStatement", "statementText");

    /** One event, and its statement with literals redacted when the event has one (else null). */
    record Event(UsageEvent event, String statement) {
    }

    private UsageEvents() {
    }

    /** The events of a JSON-lines text; a line that is not an event is an error naming its source and line. */
    static List<Event> fromJsonLines(String text, String source) throws SqlScript.Unreadable {
        List<Event> events = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\r?\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(event(JSON.readTree(line)));
            } catch (IOException | IllegalArgumentException e) {
                throw new SqlScript.Unreadable("veil: " + source + " line " + number + " is not a usage event: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return events;
    }

    /** The usage events the approval server recorded in its audit log between the given times (null: unbounded). */
    static List<Event> fromAuditLog(Database database, Instant since, Instant until) {
        return database.snapshot(c -> {
            List<Event> events = new ArrayList<>();
            for (AuditRecords.Record r : AuditRecords.read(c, new AuditRecords.Filter(since, until,
                    Set.of(AuditType.USAGE_EVENT), null, null))) {
                try {
                    events.add(event(JSON.readTree(r.payload())));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalStateException("audit record " + r.seq() + " is not a usage event: "
                            + e.getMessage(), e);
                }
            }
            return events;
        });
    }

    private static Event event(JsonNode node) throws IOException {
        if (!node.isObject() || !node.hasNonNull("time") || !node.hasNonNull("decision")) {
            throw new IllegalArgumentException("it has no time or decision");
        }
        String statement = null;
        for (String field : STATEMENT_FIELDS) {
            if (node.path(field).isTextual()) {
                statement = node.path(field).asText();
                break;
            }
        }
        return new Event(JSON.treeToValue(node, UsageEvent.class), statement);
    }
}
