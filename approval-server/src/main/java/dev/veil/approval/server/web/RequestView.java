package dev.veil.approval.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.Requester;
import dev.veil.approval.client.TouchedColumn;
import dev.veil.approval.server.store.RequestEvent;
import dev.veil.approval.server.store.StoredRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the page shows of a request: what the Slack card shows (the statement as the driver sent it, literals
 * redacted; requester, tables, columns and their classes, estimate, row limit, rule) and its history. Never a value
 * the driver did not send for reviewers' eyes; templates escape all of it.
 */
final class RequestView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestView() {
    }

    static Map<String, Object> summary(StoredRequest stored, String group) {
        ApprovalRequest request = stored.request();
        Map<String, Object> view = new HashMap<>();
        view.put("id", stored.id());
        view.put("kind", request.kind());
        view.put("rule", request.rule());
        view.put("requester", request.requester().principal());
        view.put("tables", request.tables().isEmpty() ? "none" : String.join(", ", request.tables()));
        view.put("estimate", rows(request.estimatedRows()));
        view.put("createdAt", stored.createdAt().toString());
        view.put("group", group);
        return view;
    }

    static Map<String, Object> detail(StoredRequest stored, String group, List<RequestEvent> history) {
        ApprovalRequest request = stored.request();
        Requester requester = request.requester();
        Map<String, Object> view = summary(stored, group);
        view.put("state", stored.state().name());
        view.put("statement", request.statement());
        view.put("jdbcUser", requester.jdbcUser());
        view.put("application", requester.applicationName() == null ? "unknown application"
                : requester.applicationName());
        view.put("host", requester.host());
        view.put("client", stored.client());
        view.put("database", request.database() == null ? "not given" : request.database());
        view.put("rowLimit", request.rowLimit() == null ? "no limit" : rows(request.rowLimit()));
        view.put("expiresAt", stored.expiresAt().toString());
        view.put("reviewer", stored.reviewer());
        view.put("reason", stored.reason());
        view.put("approvedUntil", stored.approvedUntil() == null ? null : stored.approvedUntil().toString());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (TouchedColumn column : request.columns()) {
            columns.add(Map.of("name", column.table() + "." + column.column(),
                    "classes", column.classes().isEmpty() ? "—" : String.join(", ", column.classes())));
        }
        view.put("columns", columns);
        view.put("hasColumns", !columns.isEmpty());
        List<Map<String, Object>> events = new ArrayList<>();
        for (RequestEvent event : history) {
            Map<String, Object> row = new HashMap<>();
            row.put("at", event.at().toString());
            row.put("what", describe(event));
            row.put("actor", event.actor());
            events.add(row);
        }
        view.put("history", events);
        return view;
    }

    /** The event in words, from its type and the few details worth showing (never the request it carries). */
    private static String describe(RequestEvent event) {
        JsonNode details;
        try {
            details = JSON.readTree(event.payload());
        } catch (IOException e) {
            details = JSON.createObjectNode();
        }
        String words = switch (event.type()) {
            case "REQUEST_CREATED" -> "asked for approval";
            case "REQUEST_APPROVED" -> "approved" + (details.has("window") ? " for a window until "
                    + details.path("approvedUntil").asText() : "") + via(details);
            case "REQUEST_REJECTED" -> "rejected" + via(details);
            case "REQUEST_ESCALATED" -> "escalated from " + details.path("from").asText() + " to "
                    + details.path("to").asText() + via(details);
            case "REQUEST_EXPIRED" -> "expired";
            case "REQUEST_WITHDRAWN" -> "withdrawn";
            case "DECISION_REFUSED" -> "was refused (" + details.path("attempted").asText() + ": "
                    + details.path("refusal").asText().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"
                    + via(details);
            case "EXECUTION_OUTCOME" -> "ran the statement";
            default -> event.type().toLowerCase(Locale.ROOT);
        };
        return details.hasNonNull("reason") && !event.type().equals("REQUEST_CREATED")
                ? words + ": " + details.path("reason").asText() : words;
    }

    private static String via(JsonNode details) {
        return details.hasNonNull("via") ? " (" + details.path("via").asText() + ")" : "";
    }

    private static String rows(Long rows) {
        return rows == null ? "unknown" : String.format(Locale.ROOT, "%,d", rows);
    }
}
