package dev.veil.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints result sets as plain-text tables. */
final class TablePrinter {

    static final int MAX_ROWS = 1_000;
    static final int MAX_WIDTH = 60;

    private TablePrinter() {
    }

    /** A result set read into memory for printing. */
    record Table(List<String> header, List<List<String>> rows, boolean truncated) {

        static Table read(ResultSet rs, int maxRows) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.add(md.getColumnLabel(i));
            }
            List<List<String>> rows = new ArrayList<>();
            boolean truncated = false;
            while (rs.next()) {
                if (rows.size() == maxRows) {
                    truncated = true;
                    break;
                }
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= header.size(); i++) {
                    String value = rs.getString(i);
                    row.add(value == null ? "NULL" : value);
                }
                rows.add(row);
            }
            return new Table(header, rows, truncated);
        }

        /** The table as lines of text of equal width, cells clipped to {@code maxWidth}. */
        List<String> lines(int maxWidth) {
            int[] widths = new int[header.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = clip(header.get(i), maxWidth).length();
                for (List<String> row : rows) {
                    widths[i] = Math.max(widths[i], clip(row.get(i), maxWidth).length());
                }
            }
            List<String> lines = new ArrayList<>();
            String rule = rule(widths);
            lines.add(rule);
            lines.add(line(header, widths, maxWidth));
            lines.add(rule);
            for (List<String> row : rows) {
                lines.add(line(row, widths, maxWidth));
            }
            lines.add(rule);
            return lines;
        }

        String footer() {
            return rows.size() + (rows.size() == 1 ? " row" : " rows") + (truncated ? " (truncated)" : "");
        }
    }

    static void print(ResultSet rs, PrintWriter out) throws SQLException {
        Table table = Table.read(rs, MAX_ROWS);
        table.lines(MAX_WIDTH).forEach(out::println);
        out.println(table.footer());
    }

    /** A report as one text table, every row (reports are the command's own, not a query's). */
    static void print(Report report, PrintWriter out) {
        Table table = new Table(report.header(), report.text(""), false);
        table.lines(MAX_WIDTH).forEach(out::println);
        out.println(table.footer());
    }

    static String clip(String value, int maxWidth) {
        String oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= maxWidth ? oneLine : oneLine.substring(0, maxWidth - 1) + "…";
    }

    private static String rule(int[] widths) {
        StringBuilder b = new StringBuilder("+");
        for (int w : widths) {
            b.append("-".repeat(w + 2)).append('+');
        }
        return b.toString();
    }

    private static String line(List<String> cells, int[] widths, int maxWidth) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = clip(cells.get(i), maxWidth);
            b.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        return b.toString();
    }
}
