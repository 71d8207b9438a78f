package dev.veil.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as a plain-text table. */
final class TablePrinter {

    private static final int MAX_ROWS = 1_000;
    private static final int MAX_WIDTH = 60;

    private TablePrinter() {
    }

    static void print(ResultSet rs, PrintWriter out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            header.add(md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == MAX_ROWS) {
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
        print(header, rows, out);
        out.println(rows.size() + (rows.size() == 1 ? " row" : " rows") + (truncated ? " (truncated)" : ""));
    }

    static void print(List<String> header, List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = clip(header.get(i)).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], clip(row.get(i)).length());
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(line(header, widths));
        out.println(rule);
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        out.println(rule);
    }

    private static String clip(String value) {
        String oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_WIDTH ? oneLine : oneLine.substring(0, MAX_WIDTH - 1) + "…";
    }

    private static String rule(int[] widths) {
        StringBuilder b = new StringBuilder("+");
        for (int w : widths) {
            b.append("-".repeat(w + 2)).append('+');
        }
        return b.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = clip(cells.get(i));
            b.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        return b.toString();
    }
}
