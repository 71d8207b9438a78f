package dev.veil.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Results as text tables (at most {@link TablePrinter#MAX_ROWS} rows each) and "n rows affected". */
final class TableResultWriter implements ResultWriter {

    private final PrintWriter out;

    TableResultWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void rows(ResultSet rs) throws SQLException {
        TablePrinter.print(rs, out);
    }

    @Override
    public void updateCount(long count) {
        out.println(count + (count == 1 ? " row" : " rows") + " affected");
    }
}
