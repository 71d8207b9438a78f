package dev.veil.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the statements of a workload given to {@code veil check} are written. */
enum Workload {
    /** A SQL script: statements end at the semicolons the engine's SQL ends them with. */
    SQL {
        @Override
        List<String> statements(String text, String url) throws SQLException {
            return SqlScript.statements(text, url);
        }
    },
    /** One statement per line (an export of a query log); a trailing ';' is dropped. */
    LINES {
        @Override
        List<String> statements(String text, String url) {
            return text.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> l.endsWith(";") ? l.substring(0, l.length() - 1).strip() : l).toList();
        }
    },
    /**
     * A PostgreSQL server log with {@code log_statement = all} (or {@code log_min_duration_statement}): the text of
     * each {@code statement:} and {@code execute …:} entry, with its continuation lines.
     */
    POSTGRESQL_LOG {
        @Override
        List<String> statements(String text, String url) {
            List<String> statements = new ArrayList<>();
            StringBuilder current = null;
            for (String line : text.split("\r?\n", -1)) {
                Matcher entry = PG_STATEMENT.matcher(line);
                if (entry.find()) {
                    add(statements, current);
                    current = new StringBuilder(entry.group(1));
                } else if (current != null && line.startsWith("\t")) {
                    current.append('\n').append(line.substring(1));
                } else {
                    add(statements, current);
                    current = null;
                }
            }
            add(statements, current);
            return statements;
        }

        private void add(List<String> statements, StringBuilder statement) {
            if (statement != null && !statement.toString().isBlank()) {
                statements.add(statement.toString().strip());
            }
        }
    };

    private static final Pattern PG_STATEMENT = Pattern.compile(
            "LOG:\\s+(?:duration: \\S+ ms\\s+)?(?:statement|execute [^:]*):\\s?(.*)$");

    /** The workload's statements, in order. */
    abstract List<String> statements(String text, String url) throws SQLException;

    /** As help lists it and the option takes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
