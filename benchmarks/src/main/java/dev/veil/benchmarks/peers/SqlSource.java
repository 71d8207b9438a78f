package dev.veil.benchmarks.peers;

import java.sql.SQLException;

/**
 * The SQL a contender sends for a workload's statement: the statement itself, or (for "raw + Veil SQL") what Veil
 * rewrites it to, obtained once per statement before any timing.
 */
interface SqlSource {

    /** The literal the workloads put where a new value goes each time; chosen to occur nowhere else. */
    int MARKER = 987_654_321;

    SqlSource AS_WRITTEN = sql -> sql;

    String text(String sql) throws SQLException;

    /** The text of {@code sqlWithMarker} split at its {@link #MARKER} literal, to take a new literal each time. */
    default OpenLiteral openLiteral(String sqlWithMarker) throws SQLException {
        return OpenLiteral.at(text(sqlWithMarker), Integer.toString(MARKER));
    }

    /** A statement's text with one integer literal left open. */
    record OpenLiteral(String before, String after) {

        static OpenLiteral at(String sql, String marker) {
            int at = sql.indexOf(marker);
            if (at < 0 || sql.indexOf(marker, at + 1) >= 0) {
                throw new IllegalStateException("expected the literal " + marker + " exactly once in: " + sql);
            }
            return new OpenLiteral(sql.substring(0, at), sql.substring(at + marker.length()));
        }

        String with(int literal) {
            return before + literal + after;
        }
    }
}
