package dev.veil.cli;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes what statements return, in one output format. */
interface ResultWriter {

    /** Writes a result set's rows. */
    void rows(ResultSet rs) throws SQLException, IOException;

    /** Reports how many rows a statement changed. */
    void updateCount(long count) throws IOException;
}
