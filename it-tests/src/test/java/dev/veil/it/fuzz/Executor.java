package dev.veil.it.fuzz;

import dev.veil.it.support.ResultSnapshot;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Runs a unit on a connection — Veil's or the vendor driver's — and records an {@link Observation}. Writes run in a
 * transaction that is rolled back afterwards, so no unit sees another's changes.
 */
final class Executor {

    private Executor() {
    }

    static boolean isRefusal(SQLException e) {
        return "42501".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().startsWith("veil:");
    }

    static Observation run(Connection c, String sql, List<String> readbacks, boolean writes, boolean generatedKeys)
            throws SQLException {
        Observation o = new Observation();
        if (writes) {
            c.setAutoCommit(false);
        }
        try {
            execute(c, sql, generatedKeys, o, "");
            for (int i = 0; i < readbacks.size(); i++) {
                Observation r = new Observation();
                execute(c, readbacks.get(i), false, r, "readback " + (i + 1) + " ");
                o.readbacks.addAll(r.results);
                o.readbackOutcomes.add(r.outcome + (r.outcome == Observation.Outcome.FAILED ? " " + r.sqlState : ""));
                for (Observation.Text t : r.texts) {
                    o.texts.add(new Observation.Text("readback " + (i + 1) + ": " + t.where(), t.text()));
                }
            }
        } finally {
            if (writes) {
                try {
                    c.rollback();
                } finally {
                    c.setAutoCommit(true);
                }
            }
            SQLWarning w = c.getWarnings();
            warnings(o, "connection warning", w);
            c.clearWarnings();
        }
        return o;
    }

    private static void execute(Connection c, String sql, boolean generatedKeys, Observation o, String route)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(30);
            try {
                boolean isResult = generatedKeys ? s.execute(sql, Statement.RETURN_GENERATED_KEYS) : s.execute(sql);
                for (int i = 0; i < 20; i++) {
                    if (isResult) {
                        try (ResultSet rs = s.getResultSet()) {
                            o.results.add(capture(rs, o, route + "result " + (i + 1)));
                        }
                    } else {
                        long count = s.getLargeUpdateCount();
                        if (count == -1) {
                            break;
                        }
                        o.updateCounts.add(count);
                    }
                    isResult = s.getMoreResults();
                }
                if (generatedKeys) {
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        if (keys != null) {
                            capture(keys, o, route + "generated keys");
                        }
                    }
                }
            } catch (SQLException e) {
                o.outcome = isRefusal(e) ? Observation.Outcome.REFUSED : Observation.Outcome.FAILED;
                o.sqlState = e.getSQLState();
                o.message = e.getMessage();
                exception(o, route + (o.outcome == Observation.Outcome.REFUSED ? "refusal" : "error"), e);
            }
            warnings(o, route + "statement warning", s.getWarnings());
        }
    }

    private static Observation.Capture capture(ResultSet rs, Observation o, String where) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            columns.add(String.join("|", md.getColumnLabel(i), md.getColumnName(i), String.valueOf(md.getColumnType(i)),
                    md.getColumnTypeName(i), String.valueOf(md.getPrecision(i)), String.valueOf(md.getScale(i))));
            o.text(where + " label " + i, md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        List<StringBuilder> asCharacters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            asCharacters.add(new StringBuilder());
        }
        int r = 0;
        while (rs.next() && r < 5000) {
            r++;
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String cell = where + " row " + r + " column " + i;
                Object value;
                String text;
                try {
                    value = rs.getObject(i);
                    text = rs.getString(i);
                } catch (SQLException e) {
                    exception(o, cell + " read error", e);
                    row.add("error " + e.getSQLState());
                    continue;
                }
                String described = ResultSnapshot.describe(value);
                row.add(described + "|" + text);
                o.text(cell, text);
                o.text(cell + " (object)", described);
                if (value instanceof byte[] bytes) {
                    o.text(cell + " (bytes as text)", new String(bytes, StandardCharsets.UTF_8));
                    o.text(cell + " (bytes as hex)", HexFormat.of().formatHex(bytes));
                }
                appendCharacter(asCharacters.get(i - 1), text);
            }
            rows.add(row);
        }
        for (int i = 0; i < n; i++) {
            if (asCharacters.get(i).length() >= 4) {
                o.text(where + " column " + (i + 1) + " read down as characters", asCharacters.get(i).toString());
            }
        }
        warnings(o, where + " warning", rs.getWarnings());
        return new Observation.Capture(columns, rows);
    }

    /** A column of single characters or character codes spells a text downwards (one character per row). */
    private static void appendCharacter(StringBuilder b, String text) {
        if (text == null) {
            return;
        }
        if (text.length() == 1) {
            b.append(text);
            return;
        }
        try {
            int code = Integer.parseInt(text.trim());
            if (code >= 32 && code <= 126) {
                b.append((char) code);
            }
        } catch (NumberFormatException ignored) {
            // not a code
        }
    }

    /** Every message of an exception chain: the exception, next exceptions, causes and suppressed ones. */
    static void exception(Observation o, String where, Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        List<Object[]> queue = new ArrayList<>();
        queue.add(new Object[] {where, e});
        for (int i = 0; !queue.isEmpty() && i < 30; i++) {
            Object[] next = queue.remove(0);
            String at = (String) next[0];
            Throwable t = (Throwable) next[1];
            if (t == null || !seen.add(t)) {
                continue;
            }
            o.text(at, t.getMessage());
            o.text(at + " (toString)", t.toString());
            if (t instanceof SQLException s) {
                queue.add(new Object[] {at + " → next", s.getNextException()});
            }
            queue.add(new Object[] {at + " → cause", t.getCause()});
            for (Throwable x : t.getSuppressed()) {
                queue.add(new Object[] {at + " → suppressed", x});
            }
        }
    }

    private static void warnings(Observation o, String where, SQLWarning w) {
        int i = 0;
        for (SQLWarning x = w; x != null && i < 100; x = x.getNextWarning(), i++) {
            o.warnings++;
            exception(o, where, x);
        }
    }
}
