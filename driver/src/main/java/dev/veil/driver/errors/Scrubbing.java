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
 * vendor code and batch update counts; the message, the vendor's exception object (with its server detail) and the
 * cause do not.
 */
public final class Scrubbing {

    private Scrubbing() {
    }

    /**
     * @param subject what the statement touches, for the message (e.g. {@code "sensitive columns customers.email"});
     *                names only, never values
     */
    public static SQLException withoutValues(SQLException error, String subject) {
        SQLException scrubbed = copy(error, message("error", error.getSQLState(), subject));
        SQLException next = error.getNextException();
        SQLException tail = scrubbed;
        while (next != null) {
            SQLException copy = copy(next, message("error", next.getSQLState(), subject));
            tail.setNextException(copy);
            tail = copy;
            next = next.getNextException();
        }
        return scrubbed;
    }

    public static SQLWarning withoutValues(SQLWarning warning, String subject) {
        if (warning == null) {
            return null;
        }
        SQLWarning head = null;
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            SQLWarning copy = new SQLWarning(message("warning", w.getSQLState(), subject), w.getSQLState(),
                    w.getErrorCode());
            if (head == null) {
                head = copy;
            } else {
                head.setNextWarning(copy);
            }
        }
        return head;
    }

    private static String message(String what, String sqlState, String subject) {
        return "veil: the database reported an " + what + " (SQLState " + sqlState + ") for a statement that reads "
                + subject + "; its text is withheld because it may contain their values";
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
