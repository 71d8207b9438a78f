package dev.veil.driver.pipeline;

import dev.veil.driver.errors.Scrubbing;
import dev.veil.driver.errors.VeilErrors;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * The one place that decides whether a database error or warning reaches the caller with its text. Every path of
 * the JDBC wrappers ends here: executions (through the scrub stage), result sets, getters and setters, commits,
 * rollbacks, closes, metadata. An error Veil can attribute to a statement it analyzed follows that statement's plan;
 * anything else — no statement, a transaction end, an error carrying another error — is scrubbed.
 */
public final class Withholding {

    private Withholding() {
    }

    /**
     * @param plan  the statement the error belongs to; null when Veil cannot tell
     * @param where what raised it, for the message when it is withheld (e.g. {@code "during Connection.commit()"})
     */
    public static SQLException error(StatementPlan plan, SQLException error, String where) {
        if (VeilErrors.raisedByVeil(error)) {
            return error;
        }
        if (plan == null) {
            return Scrubbing.unattributed(error, where);
        }
        if (plan.exempt()) {
            return error;
        }
        if (plan.touchesSensitive() || !plan.sensitiveTables().isEmpty()) {
            return Scrubbing.withoutValues(error, plan.sensitiveSubject());
        }
        if (!plan.attributable()) {
            return Scrubbing.unattributed(error, "for a statement that is neither a query, a write nor DDL");
        }
        if (Scrubbing.carriesOtherErrors(error)) {
            return Scrubbing.unattributed(error, "carrying the error of an earlier statement");
        }
        return error;
    }

    /** Warnings of a statement (null plan: Veil cannot tell which statement raised them). */
    public static SQLWarning warnings(StatementPlan plan, SQLWarning warnings, String where) {
        if (warnings == null || plan != null && !plan.scrubsErrors()) {
            return warnings;
        }
        if (plan == null) {
            return Scrubbing.unattributed(warnings, where);
        }
        return plan.touchesSensitive() || !plan.sensitiveTables().isEmpty()
                ? Scrubbing.withoutValues(warnings, plan.sensitiveSubject())
                : Scrubbing.unattributed(warnings, "for a statement that is neither a query, a write nor DDL");
    }
}
