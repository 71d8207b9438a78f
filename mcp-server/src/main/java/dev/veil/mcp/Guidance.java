package dev.veil.mcp;

import dev.veil.driver.errors.VeilErrors;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What a model may do instead, after a refusal or an error. The driver's messages name the problem without a value;
 * this adds the way forward a model can act on.
 */
final class Guidance {

    private Guidance() {
    }

    static String after(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String instead;
        if (VeilErrors.REFUSED_SQLSTATE.equals(state)) {
            if (lower.contains("predicate") || lower.contains("where") || lower.contains("join")) {
                instead = "Filter, join, group and sort only on columns that are not sensitive (describe_table shows"
                        + " each column's class); select a sensitive column only as output, where it comes back"
                        + " masked. Do not wrap sensitive columns in casts or functions inside conditions.";
            } else {
                instead = "Rephrase the statement: select sensitive columns plainly (they come back masked), avoid"
                        + " functions, casts and subqueries over them, and use explain to check a statement before"
                        + " running it. Do not try to work around the refusal; ask the user if the task needs more.";
            }
        } else if (VeilErrors.APPROVAL_SQLSTATE.equals(state)) {
            instead = "The statement did not run. Tell the user; run it again only if they ask you to (a reviewer"
                    + " decides again).";
        } else if (VeilErrors.APPROVAL_UNAVAILABLE_SQLSTATE.equals(state)) {
            instead = "The approval service could not be reached, so the statement did not run. Try again later.";
        } else {
            instead = "Check the statement against describe_table and list_tables, fix it and try again.";
        }
        return message + " [SQLState " + state + "]\nWhat you may do instead: " + instead;
    }
}
