package dev.veil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.approval.server.audit.AuditType;
import dev.veil.approval.server.store.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veil audit list}: the audit log's records, one line each, filtered. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the approval audit log's records, oldest first: requests, decisions, refused decisions,"
                + " outcomes and usage events, with who asked and the request's state now.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:the command line is wrong, or the audit log could not be read"})
final class AuditListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditStoreOptions store;

    @Mixin
    AuditFilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Only the newest N records (0, the default: all)")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = store.open()) {
            List<AuditTrail.Entry> entries = AuditTrail.read(database, filters.filter(), filters.about());
            if (limit > 0 && entries.size() > limit) {
                entries = entries.subList(entries.size() - limit, entries.size());
            }
            Report.Builder report = Report.of("seq", "time", "type", "request", "actor", "requester", "state",
                    "summary");
            for (AuditTrail.Entry e : entries) {
                report.row(e.record().seq(), e.record().recordedAt().toString(), e.record().type().name(),
                        e.record().requestId(), e.record().actor(), e.requester(), e.state(), summary(e));
            }
            format.report(report.build(), out);
            return 0;
        } catch (AuditStoreOptions.Unusable | AuditFilterOptions.BadOption e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("veil: the audit log cannot be read: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The gist of a record's details, in one line. */
    static String summary(AuditTrail.Entry e) {
        JsonNode d = e.details();
        AuditType type = e.record().type();
        return switch (type) {
            case REQUEST_CREATED -> d.path("request").path("rule").asText() + ": "
                    + d.path("request").path("kind").asText() + " " + join(d.path("request").path("tables"));
            case USAGE_EVENT -> d.path("decision").asText() + ": " + d.path("kind").asText() + " "
                    + join(d.path("tables")) + (d.path("rows").asLong(-1) >= 0 ? ", " + d.path("rows").asLong()
                    + " rows" : "");
            default -> d.has("reason") ? d.path("reason").asText() : compact(d);
        };
    }

    private static String join(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return String.join(", ", values);
    }

    private static String compact(JsonNode details) {
        String text = details.toString();
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }
}
