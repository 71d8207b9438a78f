package dev.veil.driver.events;

import java.time.Instant;
import java.util.List;

/**
 * One statement as Veil saw it: who ran what, what it touched, what Veil did, and how it ended. Names and classes
 * only — an event never carries a data value or a literal of the statement.
 *
 * @param time         when the statement started
 * @param principal    the database user the connection authenticated as
 * @param requester    the identity the application declared ({@code veil.requester}); may be null
 * @param application  the client application name, when the vendor reports one; may be null
 * @param fingerprint  the normalized statement's hash: equal for statements differing only in literals
 * @param kind         QUERY, DML, DDL, … or UNKNOWN
 * @param tables       tables read and written
 * @param columns      sensitive columns touched, each with its class and where the class came from
 * @param masks        the masks applied, as {@code column=mask}
 * @param decision     what Veil did: ALLOWED, MASKED, REFUSED, APPROVED, …
 * @param rule         the rule behind a refusal or approval; may be null
 * @param exempt       whether the principal is exempt and saw raw values
 * @param rows         rows returned to the caller, or rows affected; -1 when not known
 * @param durationMicros time from start to the statement's end (last row read, for queries)
 * @param sqlState     SQLState of the error that ended the statement; null when it succeeded
 * @param statement    the statement as written with every literal replaced by {@code ?} and comments removed (at
 *                     most {@value #MAX_STATEMENT} characters, longer ones cut with {@code …}); null when not analyzed
 */
public record UsageEvent(Instant time, String principal, String requester, String application, String fingerprint,
                         String kind, List<String> tables, List<TouchedColumn> columns, List<String> masks,
                         String decision, String rule, boolean exempt, long rows, long durationMicros,
                         String sqlState, String statement) {

    /** The longest statement text an event carries. */
    public static final int MAX_STATEMENT = 4000;

    public UsageEvent {
        if (statement != null && statement.length() > MAX_STATEMENT) {
            statement = statement.substring(0, MAX_STATEMENT - 1) + "…";
        }
    }

    /** A sensitive column a statement touched. */
    public record TouchedColumn(String column, String sensitivityClass, String source) {
    }
}
