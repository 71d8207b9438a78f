package dev.veil.approval.server.store;

import java.sql.SQLException;

/**
 * A write collided with another one on a unique key (or a concurrent update): the caller looks again at what the
 * other writer did, e.g. joins the pending request another server created a moment earlier.
 */
public final class StoreConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreConflictException(SQLException cause) {
        super("a concurrent write got there first: " + cause.getMessage(), cause);
    }

    /** Unique violation (both stores), serialization failure, H2's concurrent update and lock timeout. */
    static boolean isConflict(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            String state = current.getSQLState();
            if ("23505".equals(state) || "40001".equals(state) || "90131".equals(state)
                    || "HYT00".equals(state)) {
                return true;
            }
        }
        return false;
    }
}
