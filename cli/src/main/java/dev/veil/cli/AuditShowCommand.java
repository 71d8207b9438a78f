package dev.veil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.veil.approval.server.audit.AuditRecords;
import dev.veil.approval.server.store.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veil audit show}: one request's history, or one record, with its details in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show an approval request's history (every record about it, oldest first) or one record by"
                + " its sequence number, with the details in full.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:no such request or record",
                "2:the command line is wrong, or the audit log could not be read"})
final class AuditShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditStoreOptions store;

    @Parameters(paramLabel = "ID", description = "A request id, or a record's sequence number")
    String id;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = store.open()) {
            List<AuditTrail.Entry> entries;
            if (id.chars().allMatch(Character::isDigit)) {
                long seq = Long.parseLong(id);
                entries = AuditTrail.read(database, AuditRecords.Filter.all(), new AuditTrail.About(null, null,
                        null)).stream().filter(e -> e.record().seq() == seq).toList();
            } else {
                entries = AuditTrail.read(database, new AuditRecords.Filter(null, null, Set.of(), id, null),
                        new AuditTrail.About(null, null, null));
            }
            if (entries.isEmpty()) {
                err.println("veil: the audit log has no request or record " + id);
                return 1;
            }
            AuditTrail.Entry first = entries.get(0);
            if (first.record().requestId() != null) {
                out.println("request:    " + first.record().requestId() + (first.state() == null ? ""
                        : " (" + first.state().toLowerCase(java.util.Locale.ROOT) + ")"));
                out.println("requester:  " + (first.requester() == null ? "(unknown)" : first.requester()));
                out.println("tables:     " + String.join(", ", first.tables()));
            }
            for (AuditTrail.Entry e : entries) {
                out.println();
                out.println("#" + e.record().seq() + "  " + e.record().recordedAt() + "  " + e.record().type()
                        + "  by " + e.record().actor());
                String details = AuditTrail.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e.details());
                details.lines().forEach(l -> out.println("  " + l));
            }
            return 0;
        } catch (AuditStoreOptions.Unusable e) {
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
