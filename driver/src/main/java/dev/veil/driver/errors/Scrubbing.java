package dev.veil.driver.errors;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;

/**
 * Errors and warnings of statements that read sensitive columns, without their text: a database message may quote
 * the very value masking hides ({@code invalid input syntax for type integer: "jane@example.com"},
 * {@code Key (email)=(…) already exists}). What callers branch on survives — the JDBC exception family, SQLState,
 * vendor code and batch update counts; the message, the vendor's exception object (with its server detail), the
 * cause and suppressed exceptions do not, and every exception of the next-exception chain is scrubbed likewise.
 */
public final class Scrubbing {

    private Scrubbing() {
    }

    /**
     * @param subject what the statement touches, for the message (e.g. {@code "sensitive columns customers.email"});
     *                names only, never values
     */
    public static SQLException withoutValues(SQLException error, String subject) {
        return scrub(error, "for a statement that reads " + subject + "; its text is withheld because it may contain"
                + " their values");
    }

    /**
     * An error Veil cannot attribute to the columns it concerns — raised by a commit, a rollback, a setting, a
     * getter, or carrying another statement's error — without its text.
     *
     * @param where what raised it, for the message (e.g. {@code "during Connection.commit()"}); never values
     */
    public static SQLException unattributed(SQLException error, String where) {
        return scrub(error, where + "; its text is withheld because Veil cannot tell which columns it concerns");
    }

    /**
     * Whether an error carries the text of another database error than its own: a cause, a suppressed exception or a
     * chained next exception with a message its own does not already hold (PostgreSQL's {@code 25P02 current
     * transaction is aborted} carries the error that aborted the transaction, which another statement raised).
     */
    public static boolean carriesOtherErrors(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            String own = String.valueOf(e.getMessage());
            for (Throwable t = e.getCause(); t != null && t != e; t = t.getCause()) {
                if (t instanceof SQLException && !own.contains(String.valueOf(t.getMessage()))) {
                    return true;
                }
            }
            for (Throwable t : e.getSuppressed()) {
                if (t instanceof SQLException) {
                    return true;
                }
            }
            if (e.getNextException() == e) {
                break;
            }
        }
        return false;
    }

    public static SQLWarning withoutValues(SQLWarning warning, String subject) {
        return scrub(warning, "for a statement that reads " + subject + "; its text is withheld because it may"
                + " contain their values");
    }

    /** Warnings Veil cannot attribute to the columns they concern (e.g. notices raised at commit), without text. */
    public static SQLWarning unattributed(SQLWarning warning, String where) {
        return scrub(warning, where + "; its text is withheld because Veil cannot tell which columns it concerns");
    }

    private static SQLWarning scrub(SQLWarning warning, String tail) {
        if (warning == null) {
            return null;
        }
        SQLWarning head = null;
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            SQLWarning copy = new SQLWarning(message("warning", w.getSQLState(), tail), w.getSQLState(),
                    w.getErrorCode());
            if (head == null) {
                head = copy;
            } else {
                head.setNextWarning(copy);
            }
        }
        return head;
    }

    /** A copy of the error and of its whole next-exception chain, without text; causes and suppressed are dropped. */
    private static SQLException scrub(SQLException error, String tail) {
        SQLException scrubbed = copy(error, message("error", error.getSQLState(), tail));
        SQLException next = error.getNextException();
        SQLException last = scrubbed;
        int guard = 0;
        while (next != null && guard++ < 1000) {
            SQLException copy = copy(next, message("error", next.getSQLState(), tail));
            last.setNextException(copy);
            last = copy;
            next = next.getNextException();
        }
        return scrubbed;
    }

    private static String message(String what, String sqlState, String tail) {
        return "veil: the database reported an " + what + " (SQLState " + sqlState + ") " + tail;
    }

    private static SQLException copy(SQLException e, String message) {
        String state = e.getSQLState();
        int code = e.getErrorCode();
        if (e instanceof BatchUpdateException batch) {
            return new BatchUpdateException(message, state, code, batch.getLargeUpdateCounts(), null);
        }
        if (e instanceof SQLTimeoutException) {
            return new SQLTimeoutException(message, state, code);
        }
        if (e instanceof SQLTransactionRollbackException) {
            return new SQLTransactionRollbackException(message, state, code);
        }
        if (e instanceof SQLTransientConnectionException) {
            return new SQLTransientConnectionException(message, state, code);
        }
        if (e instanceof SQLRecoverableException) {
            return new SQLRecoverableException(message, state, code);
        }
        if (e instanceof SQLTransientException) {
            return new SQLTransientException(message, state, code);
        }
        String family = state == null || state.length() < 2 ? "" : state.substring(0, 2);
        if (e instanceof SQLIntegrityConstraintViolationException || family.equals("23")) {
            return new SQLIntegrityConstraintViolationException(message, state, code);
        }
        if (e instanceof SQLDataException || family.equals("22")) {
            return new SQLDataException(message, state, code);
        }
        if (e instanceof SQLSyntaxErrorException || family.equals("42")) {
            return new SQLSyntaxErrorException(message, state, code);
        }
        if (e instanceof SQLFeatureNotSupportedException || family.equals("0A")) {
            return new SQLFeatureNotSupportedException(message, state, code);
        }
        if (e instanceof SQLInvalidAuthorizationSpecException || family.equals("28")) {
            return new SQLInvalidAuthorizationSpecException(message, state, code);
        }
        if (e instanceof SQLNonTransientConnectionException || family.equals("08")) {
            return new SQLNonTransientConnectionException(message, state, code);
        }
        if (family.equals("40")) {
            return new SQLTransactionRollbackException(message, state, code);
        }
        if (e instanceof SQLNonTransientException) {
            return new SQLNonTransientException(message, state, code);
        }
        return new SQLException(message, state, code);
    }
}
