package dev.veil.approval.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.audit.AuditChain;
import dev.veil.approval.server.audit.AuditEntry;
import dev.veil.approval.server.audit.AuditLog;
import dev.veil.approval.server.audit.AuditReport;
import dev.veil.approval.server.audit.AuditType;
import dev.veil.approval.server.audit.AuditVerifier;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.ApprovalStore;
import dev.veil.approval.server.store.Database;
import dev.veil.approval.server.store.StoredRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit verify} proves completeness, not only integrity: a chain whose every hash is right but which tells an
 * impossible story — a statement ran without its approval in the log (an approval lost in a crash), a request
 * decided after it ran or twice, a requests table that disagrees with the log — is reported.
 */
class AuditCompletenessTest {

    @TempDir
    Path dir;

    private static final String ID = "req_" + "c".repeat(32);

    private AuditReport verify(Database database) {
        return database.snapshot(connection -> new AuditVerifier(new AuditChain(null)).verify(connection, null));
    }

    private static AuditEntry entry(AuditType type) {
        return new AuditEntry(type, ID, "etl", "{}");
    }

    @Test
    void anOutcomeWithoutItsApprovalAndADecisionAfterTheRunAreReported() {
        ServerConfig.Store config = TestSetup.h2(dir);
        try (Database database = Database.open(config.url(), config.user(), config.password(), 2)) {
            ApprovalStore store = new ApprovalStore(database, new AuditLog(new AuditChain(null),
                    Clock.systemUTC()));
            Instant now = Instant.now();
            StoredRequest pending = new StoredRequest(ID, "binding", "etl", TestSetup.dropTable("alice@example.com"),
                    ApprovalState.PENDING, now, now.plus(Duration.ofHours(1)), null, null, null, null, null, null,
                    null);
            store.insert(pending, null, null, List.of(entry(AuditType.REQUEST_CREATED)));
            assertThat(verify(database).intact()).isTrue();

            // what a lost approval leaves: the statement ran and reported, the approval is not in the log
            store.appendOnce("etl", null, ID, now, List.of(entry(AuditType.EXECUTION_OUTCOME)));
            AuditReport lostApproval = verify(database);
            assertThat(lostApproval.problems()).extracting(AuditReport.Problem::kind)
                    .containsExactly(AuditReport.Kind.UNAPPROVED_OUTCOME);

            // and a rejection recorded later for the statement that ran (the table still says PENDING)
            store.appendAudit(List.of(entry(AuditType.REQUEST_REJECTED)));
            assertThat(verify(database).problems()).extracting(AuditReport.Problem::kind)
                    .containsExactly(AuditReport.Kind.UNAPPROVED_OUTCOME, AuditReport.Kind.DECIDED_AFTER_OUTCOME,
                            AuditReport.Kind.STATE_MISMATCH);
        }
    }

    @Test
    void aRequestDecidedTwiceIsReported() {
        ServerConfig.Store config = TestSetup.h2(dir);
        try (Database database = Database.open(config.url(), config.user(), config.password(), 2)) {
            ApprovalStore store = new ApprovalStore(database, new AuditLog(new AuditChain(null),
                    Clock.systemUTC()));
            Instant now = Instant.now();
            StoredRequest approved = new StoredRequest(ID, "binding", "etl",
                    TestSetup.dropTable("alice@example.com"), ApprovalState.APPROVED, now, now, now, "carol", null,
                    null, null, null, null);
            store.insert(approved, null, null, List.of(entry(AuditType.REQUEST_CREATED),
                    entry(AuditType.REQUEST_APPROVED)));
            assertThat(verify(database).intact()).isTrue();

            store.appendAudit(List.of(entry(AuditType.REQUEST_EXPIRED)));
            assertThat(verify(database).problems()).extracting(AuditReport.Problem::kind)
                    .contains(AuditReport.Kind.DECIDED_TWICE);
        }
    }
}
