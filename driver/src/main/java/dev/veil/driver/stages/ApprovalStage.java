package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Fingerprint;
import dev.veil.analyzer.PartitionRange;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TableName;
import dev.veil.approval.client.ApprovalCancelledException;
import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalUnavailableException;
import dev.veil.approval.client.CancellationSignal;
import dev.veil.approval.client.Decision;
import dev.veil.approval.client.ExecutionOutcome;
import dev.veil.approval.client.Requester;
import dev.veil.approval.client.TouchedColumn;
import dev.veil.driver.config.Settings;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.events.ApprovalLog;
import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.ExecutionTrace;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A statement the plan holds for approval waits here, before it reaches the database, for a reviewer's decision:
 * approved, it runs (and its outcome is reported back); rejected, expired, cancelled, timed out, or with the approval
 * service unreachable, it never runs. The wait ends at {@code veil.approval.timeout} or the query timeout, whichever
 * comes first, and on {@code Statement.cancel()}. One partition of a read ({@link PartitionRange}) asks for the whole
 * read — the statement without its partition predicate, whose estimate the plan holds — so every partition and retry
 * of the read share one binding; what runs is the statement as given.
 */
public final class ApprovalStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.EXECUTION;
    }

    private static final String HOST = localHost();

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        StatementPlan plan = execution.plan();
        Optional<StatementPlan.Approval> needed = plan.approval();
        if (needed.isEmpty()) {
            return execution.proceed();
        }
        String rule = needed.get().rule();
        Session session = execution.session();
        ApprovalClient client = session.approvals().orElseThrow(() -> VeilErrors.approval("the statement needs"
                + " approval (rule: " + rule + ") but no approval server is configured:"
                + " set veil.approval.url and veil.approval.token, or the policy's approvals.server"));
        ExecutionTrace trace = execution.trace();
        String asking = session.requester().orElse(session.tracker().principal());
        if (asking == null || asking.isBlank()) {
            throw VeilErrors.approval("the statement needs approval (rule: " + rule + "), but the"
                    + " connection names nobody a reviewer could see or refuse self-approval to: connect with a user"
                    + " name or set veil.requester");
        }
        ApprovalRequest request = request(session, plan, needed.get());
        Duration timeout = session.config().get(Settings.APPROVAL_TIMEOUT);
        boolean queryTimeoutFirst = trace.queryTimeoutSeconds() > 0
                && Duration.ofSeconds(trace.queryTimeoutSeconds()).compareTo(timeout) < 0;
        Duration wait = queryTimeoutFirst ? Duration.ofSeconds(trace.queryTimeoutSeconds()) : timeout;
        CancellationSignal cancel = new CancellationSignal();
        trace.onCancel(cancel::cancel);
        Decision decision;
        Long estimate = needed.get().estimatedRows();
        try {
            decision = client.requestAndAwait(request, Instant.now().plus(wait), cancel, pending -> {
                trace.awaiting(pending.id());
                ApprovalLog.held(pending, rule, estimate == null ? -1 : estimate, client.reviewPage(pending.id()),
                        wait);
            });
        } catch (ApprovalCancelledException e) {
            ApprovalLog.ended(e.requestId(), rule, e.reason() == ApprovalCancelledException.Reason.CANCELLED
                    ? "the statement was cancelled" : "no decision within " + ApprovalLog.human(wait));
            if (e.reason() == ApprovalCancelledException.Reason.CANCELLED) {
                throw VeilErrors.cancelled("statement cancelled while waiting for approval (request "
                        + e.requestId() + ")");
            }
            if (queryTimeoutFirst) {
                throw VeilErrors.timedOut("query timeout while waiting for approval (request " + e.requestId() + ")");
            }
            throw VeilErrors.approval("no decision on approval request " + e.requestId() + " within "
                    + ApprovalLog.human(wait) + " (rule: " + rule + "); the request is"
                    + " withdrawn and can no longer be approved: run the statement again to ask anew");
        } catch (ApprovalUnavailableException e) {
            ApprovalLog.ended(e.requestId(), rule, "the approval service is unavailable");
            throw VeilErrors.approvalUnavailable("approval service unavailable: " + e.getMessage(), e);
        } finally {
            trace.onCancel(null);
        }
        ApprovalLog.decided(decision, rule);
        switch (decision.outcome()) {
            case REJECTED -> throw VeilErrors.approval("approval rejected by " + decision.reviewer() + ": "
                    + decision.reason() + " (request " + decision.requestId() + ", rule: " + rule
                    + ")");
            case EXPIRED -> throw VeilErrors.approval("approval request " + decision.requestId() + " expired:"
                    + " nobody decided in time (rule: " + rule + ")");
            case APPROVED -> {
            }
            // only an approval runs the statement: any other outcome (withdrawn, a state added later) stops it
            default -> throw VeilErrors.approval("approval request " + decision.requestId() + " ended "
                    + decision.outcome().name().toLowerCase(java.util.Locale.ROOT) + " without an approval (rule: "
                    + rule + "); the statement did not run: run it again to ask anew");
        }
        trace.approved(decision.reviewer(), decision.requestId(), needed.get().rowLimit());
        long started = System.nanoTime();
        try {
            T result = execution.proceed();
            trace.onFinish(rows -> client.reportOutcome(decision.requestId(), new ExecutionOutcome(true, rows, null,
                    elapsed(started))));
            return result;
        } catch (SQLException e) {
            client.reportOutcome(decision.requestId(), new ExecutionOutcome(false, null, e.getSQLState(),
                    elapsed(started)));
            throw e;
        }
    }

    private static ApprovalRequest request(Session session, StatementPlan plan, StatementPlan.Approval approval) {
        Optional<Analysis> analysis = plan.analysis();
        // one partition of a read asks for the whole read: the statement without its partition predicate
        Optional<PartitionRange> partition = analysis.filter(a -> a.statements().size() == 1)
                .flatMap(a -> a.statements().get(0).partitionRange());
        Optional<Fingerprint> asked = partition.map(PartitionRange::unpartitioned)
                .or(() -> analysis.map(Analysis::fingerprint));
        String fingerprint = asked.map(Fingerprint::hash).orElseGet(() -> unknownFingerprint(plan));
        String statement = asked.map(Fingerprint::redacted)
                .orElse("(a statement Veil cannot read; its text is withheld)");
        List<String> kinds = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        for (StatementAnalysis s : analysis.map(Analysis::statements).orElse(List.of())) {
            kinds.add(s.statementType() == StatementType.OTHER ? s.kind().name() : s.statementType().label());
            s.tablesRead().stream().map(TableName::toString).forEach(tables::add);
            s.tablesWritten().stream().map(TableName::toString).forEach(tables::add);
        }
        List<TouchedColumn> columns = new ArrayList<>();
        for (Map.Entry<BaseColumn, StatementPlan.Sensitivity> e : plan.sensitive().entrySet()) {
            columns.add(new TouchedColumn(e.getKey().table().toString(), e.getKey().column(),
                    List.of(e.getValue().classId())));
        }
        String user = session.tracker().principal();
        String principal = session.requester().orElse(user);
        return new ApprovalRequest(new Requester(principal, user, session.application().orElse(null), HOST),
                session.databaseUrl().orElse(null), fingerprint, statement,
                kinds.isEmpty() ? "UNKNOWN" : String.join(";", kinds), List.copyOf(tables), columns,
                approval.estimatedRows(), approval.rule(), approval.rowLimit(),
                partition.map(PartitionRange::column).orElse(null));
    }

    /** A statement the analyzer could not read has no normalized form: its exact text is what is approved. */
    private static String unknownFingerprint(StatementPlan plan) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(plan.originalSql().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long elapsed(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }
}
