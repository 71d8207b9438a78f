package dev.veil.driver.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;

/**
 * Every error Veil raises itself. Each kind has one SQLState and one vendor code, documented in the README; messages
 * start with {@code veil:} and name the setting, construct, column or rule — never a data value.
 */
public final class VeilErrors {

    /** Refused by policy or by a safety rule (class 42: syntax error or access rule violation). */
    public static final String REFUSED_SQLSTATE = "42501";
    public static final int REFUSED_CODE = 7001;

    /** Veil cannot be set up for this connection: bad URL, unknown setting, no target driver (class 08). */
    public static final String CONFIGURATION_SQLSTATE = "08V01";
    public static final int CONFIGURATION_CODE = 7010;

    /** Needs, awaits in vain, or was denied a reviewer's approval (class 42: not permitted). */
    public static final String APPROVAL_SQLSTATE = "42VA1";
    public static final int APPROVAL_CODE = 4201;

    /** The approval service cannot answer (class 57, not 08: a pool must not discard the healthy connection). */
    public static final String APPROVAL_UNAVAILABLE_SQLSTATE = "57VA1";
    public static final int APPROVAL_UNAVAILABLE_CODE = 5701;

    /** Cancelled or timed out while waiting for a decision: the SQLState databases use for a cancelled query. */
    public static final String CANCELLED_SQLSTATE = "57014";

    /** How every message of an error Veil raises begins. */
    private static final String PREFIX = "veil: ";
    /** How a message names the rule that refused; the rule runs to the next ')'. */
    private static final String RULE_MARK = "(rule: ";

    private VeilErrors() {
    }

    /** Whether {@code error} is one of Veil's own (its message begins as all of theirs do), to pass on as it is. */
    public static boolean raisedByVeil(SQLException error) {
        String message = error.getMessage();
        return message != null && message.startsWith(PREFIX);
    }

    /**
     * The rule an error names, e.g. {@code predicates: deny} from {@code … (rule: predicates: deny)}, or null when it
     * names none. The last mark counts; the rule ends at its closing parenthesis, as some messages go on after it.
     */
    public static String rule(SQLException error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        int mark = message.lastIndexOf(RULE_MARK);
        if (mark < 0) {
            return null;
        }
        int start = mark + RULE_MARK.length();
        int end = message.indexOf(')', start);
        return message.substring(start, end < 0 ? message.length() : end);
    }

    public static SQLException approval(String message) {
        return new SQLSyntaxErrorException(PREFIX + message, APPROVAL_SQLSTATE, APPROVAL_CODE);
    }

    public static SQLException approvalUnavailable(String message, Throwable cause) {
        SQLException e = new java.sql.SQLTransientException(PREFIX + message, APPROVAL_UNAVAILABLE_SQLSTATE,
                APPROVAL_UNAVAILABLE_CODE);
        e.initCause(cause);
        return e;
    }

    public static SQLException cancelled(String message) {
        return new SQLException(PREFIX + message, CANCELLED_SQLSTATE);
    }

    public static SQLException timedOut(String message) {
        return new java.sql.SQLTimeoutException(PREFIX + message, CANCELLED_SQLSTATE);
    }

    public static SQLException refused(String message) {
        return new SQLSyntaxErrorException(PREFIX + message, REFUSED_SQLSTATE, REFUSED_CODE);
    }

    public static SQLException configuration(String message) {
        return new SQLNonTransientConnectionException(PREFIX + message, CONFIGURATION_SQLSTATE,
                CONFIGURATION_CODE);
    }

    public static SQLException configuration(String message, Throwable cause) {
        SQLException e = configuration(message);
        e.initCause(cause);
        return e;
    }
}
