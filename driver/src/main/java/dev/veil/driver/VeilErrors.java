package dev.veil.driver;

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

    private VeilErrors() {
    }

    public static SQLException refused(String message) {
        return new SQLSyntaxErrorException("veil: " + message, REFUSED_SQLSTATE, REFUSED_CODE);
    }

    public static SQLException configuration(String message) {
        return new SQLNonTransientConnectionException("veil: " + message, CONFIGURATION_SQLSTATE,
                CONFIGURATION_CODE);
    }

    public static SQLException configuration(String message, Throwable cause) {
        SQLException e = configuration(message);
        e.initCause(cause);
        return e;
    }
}
