package dev.veil.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.approval.server.store.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veil audit export}: the records, filtered, as JSON lines for another tool. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the approval audit log's records as JSON lines, oldest first: seq, recordedAt, type,"
                + " requestId, actor, requester, state, tables and the details as a JSON object. Verify the log"
                + " first (veil audit verify): an export carries no proof of its own.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported", "2:the command line is wrong, or the audit log could not be read"})
final class AuditExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditStoreOptions store;

    @Mixin
    AuditFilterOptions filters;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = store.open()) {
            List<AuditTrail.Entry> entries = AuditTrail.read(database, filters.filter(), filters.about());
            for (AuditTrail.Entry e : entries) {
                ObjectNode line = AuditTrail.JSON.createObjectNode();
                line.put("seq", e.record().seq());
                line.put("recordedAt", e.record().recordedAt().toString());
                line.put("type", e.record().type().name());
                line.put("requestId", e.record().requestId());
                line.put("actor", e.record().actor());
                line.put("requester", e.requester());
                line.put("state", e.state());
                com.fasterxml.jackson.databind.node.ArrayNode tables = line.putArray("tables");
                e.tables().forEach(tables::add);
                line.set("details", e.details());
                out.println(line);
            }
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
}
