package dev.veil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.server.audit.AuditRecords;
import dev.veil.approval.server.audit.AuditType;
import dev.veil.approval.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The audit log's records with what each is about: the requester and tables of its request (read from the request's
 * creation record, whenever that was) or of its usage event, and the request's state now.
 */
final class AuditTrail {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What settles a request, and the state it settles it in. */
    private static final Map<AuditType, String> SETTLING = Map.of(
            AuditType.REQUEST_APPROVED, "APPROVED", AuditType.REQUEST_REJECTED, "REJECTED",
            AuditType.REQUEST_EXPIRED, "EXPIRED", AuditType.REQUEST_WITHDRAWN, "WITHDRAWN");

    /**
     * One record in context.
     *
     * @param requester who asked (the request's requester, or the usage event's requester or principal); may be null
     * @param tables    the tables of its request or usage event
     * @param state     its request's state now (PENDING until a record settles it); null for records of no request
     * @param details   the record's JSON details
     */
    record Entry(AuditRecords.Record record, String requester, List<String> tables, String state, JsonNode details) {
    }

    /**
     * Filters on what records are about; null fields do not filter.
     *
     * @param table a table name, with or without its schema, case-insensitive
     * @param state a request state, e.g. {@code approved}
     */
    record About(String requester, String table, String state) {
    }

    private AuditTrail() {
    }

    static List<Entry> read(Database database, AuditRecords.Filter filter, About about) {
        return database.snapshot(c -> {
            List<AuditRecords.Record> records = AuditRecords.read(c, filter);
            Set<AuditType> context = Set.of(AuditType.REQUEST_CREATED, AuditType.REQUEST_APPROVED,
                    AuditType.REQUEST_REJECTED, AuditType.REQUEST_EXPIRED, AuditType.REQUEST_WITHDRAWN);
            Map<String, JsonNode> created = new HashMap<>();
            Map<String, String> states = new HashMap<>();
            for (AuditRecords.Record r : AuditRecords.read(c, new AuditRecords.Filter(null, null, context, null,
                    null))) {
                if (r.type() == AuditType.REQUEST_CREATED) {
                    created.put(r.requestId(), parse(r.payload()).path("request"));
                    states.putIfAbsent(r.requestId(), "PENDING");
                } else {
                    states.put(r.requestId(), SETTLING.get(r.type()));
                }
            }
            List<Entry> entries = new ArrayList<>();
            for (AuditRecords.Record r : records) {
                Entry entry = entry(r, created, states);
                if (matches(entry, about)) {
                    entries.add(entry);
                }
            }
            return entries;
        });
    }

    private static Entry entry(AuditRecords.Record r, Map<String, JsonNode> created, Map<String, String> states) {
        JsonNode details = parse(r.payload());
        if (r.type() == AuditType.USAGE_EVENT) {
            String requester = text(details.path("requester"));
            return new Entry(r, requester != null ? requester : text(details.path("principal")),
                    strings(details.path("tables")), null, details);
        }
        if (r.requestId() == null) {
            return new Entry(r, null, List.of(), null, details);
        }
        JsonNode request = created.getOrDefault(r.requestId(), JSON.missingNode());
        return new Entry(r, text(request.path("requester").path("principal")), strings(request.path("tables")),
                states.get(r.requestId()), details);
    }

    private static boolean matches(Entry entry, About about) {
        if (about.requester() != null && !about.requester().equals(entry.requester())) {
            return false;
        }
        if (about.state() != null && !about.state().equalsIgnoreCase(String.valueOf(entry.state()))) {
            return false;
        }
        if (about.table() != null) {
            String wanted = about.table().toLowerCase(Locale.ROOT);
            return entry.tables().stream().map(t -> t.toLowerCase(Locale.ROOT))
                    .anyMatch(t -> t.equals(wanted) || t.endsWith("." + wanted));
        }
        return true;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("an audit record's details are not JSON", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    /** The time a date or time option names: an ISO instant, or a date (its start, UTC). */
    static Instant instant(String text) {
        if (text.length() == 10) {
            return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(text);
    }
}
