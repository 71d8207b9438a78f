package dev.veil.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Results as CSV with RFC 4180 quoting: the column labels, then the rows, values as the driver renders them as text.
 * As in PostgreSQL's CSV, NULL is an empty field and an empty string a quoted one ({@code ""}) — a distinction the CSV
 * libraries at hand do not make. Several result sets are separated by an empty line; update counts are not written.
 */
final class CsvResultWriter implements ResultWriter {

    private final PrintWriter out;
    private boolean first = true;

    CsvResultWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void rows(ResultSet rs) throws SQLException {
        if (!first) {
            out.println();
        }
        first = false;
        ResultSetMetaData md = rs.getMetaData();
        int columns = md.getColumnCount();
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = md.getColumnLabel(i + 1);
        }
        line(row);
        while (rs.next()) {
            for (int i = 0; i < columns; i++) {
                row[i] = rs.getString(i + 1);
            }
            line(row);
        }
        out.flush();
    }

    @Override
    public void updateCount(long count) {
        // CSV holds tables only
    }

    /** A report as CSV: the header line, then the rows (null as an empty field). */
    static void write(Report report, PrintWriter out) {
        CsvResultWriter writer = new CsvResultWriter(out);
        writer.line(report.header().toArray(String[]::new));
        for (java.util.List<String> row : report.text(null)) {
            writer.line(row.toArray(String[]::new));
        }
        out.flush();
    }

    private void line(String[] fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields[i]));
        }
        out.print(line.append('\n'));
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
