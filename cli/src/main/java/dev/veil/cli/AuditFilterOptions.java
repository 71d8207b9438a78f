package dev.veil.cli;

import dev.veil.approval.server.audit.AuditRecords;
import dev.veil.approval.server.audit.AuditType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/** Which audit records a command reads: by time, type, request, requester, table and request state. */
final class AuditFilterOptions {

    @Option(names = "--since", paramLabel = "TIME", description = "Records at or after TIME: 2026-12-01 (UTC) or"
            + " 2026-12-01T09:00:00Z")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Records before TIME")
    String until;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Record types: ${COMPLETION-CANDIDATES}")
    List<AuditType> types = List.of();

    @Option(names = "--request", paramLabel = "ID", description = "The records of one approval request")
    String request;

    @Option(names = "--requester", paramLabel = "NAME", description = "Records of requests or usage of this"
            + " requester")
    String requester;

    @Option(names = "--table", paramLabel = "TABLE", description = "Records of requests or usage touching TABLE"
            + " (with or without its schema)")
    String table;

    @Option(names = "--state", paramLabel = "STATE",
            description = "Records of requests in this state now: pending, approved, rejected, expired, withdrawn")
    String state;

    AuditRecords.Filter filter() throws BadOption {
        return new AuditRecords.Filter(time("--since", since), time("--until", until),
                types.isEmpty() ? EnumSet.noneOf(AuditType.class) : EnumSet.copyOf(types), request, null);
    }

    AuditTrail.About about() throws BadOption {
        if (state != null && !List.of("pending", "approved", "rejected", "expired", "withdrawn")
                .contains(state.toLowerCase(java.util.Locale.ROOT))) {
            throw new BadOption("veil: --state must be pending, approved, rejected, expired or withdrawn, not "
                    + state);
        }
        return new AuditTrail.About(requester, table, state);
    }

    private static Instant time(String option, String text) throws BadOption {
        if (text == null) {
            return null;
        }
        try {
            return AuditTrail.instant(text);
        } catch (DateTimeParseException e) {
            throw new BadOption("veil: " + option + " takes a date (2026-12-01) or a time (2026-12-01T09:00:00Z),"
                    + " not " + text);
        }
    }

    /** An option's value that cannot be used; the message says which and why. */
    static final class BadOption extends Exception {
        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message);
        }
    }
}
