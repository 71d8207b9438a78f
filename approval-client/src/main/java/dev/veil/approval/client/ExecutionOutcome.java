package dev.veil.approval.client;

/**
 * What happened when an approved statement ran, reported back for the audit log.
 *
 * @param executed      whether the statement ran to completion
 * @param rowCount      rows returned or affected, {@code null} when unknown
 * @param sqlState      the SQLState of the failure, {@code null} when it succeeded; never the error message, which
 *                      may carry data values
 * @param elapsedMillis how long it ran, {@code null} when unknown
 */
public record ExecutionOutcome(boolean executed, Long rowCount, String sqlState, Long elapsedMillis) {
}
