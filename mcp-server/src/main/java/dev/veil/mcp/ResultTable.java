package dev.veil.mcp;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A result as a model reads it best: a compact pipe-separated table, at most the agent's row cap, and a last line
 * that says whether rows were cut off.
 */
final class ResultTable {

    /** The longest a cell is shown; longer text is cut and marked, so one column cannot flood the context. */
    static final int MAX_CELL = 200;

    private ResultTable() {
    }

    /** Reads at most {@code rowCap} rows of {@code rs}; its caller asked the database for one more, to know. */
    static String render(ResultSet rs, int rowCap) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            header.add(meta.getColumnLabel(i));
        }
        StringBuilder out = new StringBuilder(String.join(" | ", header)).append('\n');
        int rows = 0;
        boolean truncated = false;
        while (rs.next()) {
            if (rows == rowCap) {
                truncated = true;
                break;
            }
            List<String> cells = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                cells.add(cell(rs.getString(i)));
            }
            out.append(String.join(" | ", cells)).append('\n');
            rows++;
        }
        out.append('(').append(rows).append(rows == 1 ? " row" : " rows");
        if (truncated) {
            out.append("; truncated at the row cap of ").append(rowCap)
                    .append(": more rows exist. Narrow the query with WHERE, aggregate, or add LIMIT/OFFSET");
        }
        return out.append(')').toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "NULL";
        }
        String flat = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("|", "\\|");
        return flat.length() <= MAX_CELL ? flat : flat.substring(0, MAX_CELL) + "…";
    }
}
