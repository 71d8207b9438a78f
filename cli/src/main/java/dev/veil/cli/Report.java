package dev.veil.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command's findings as a table: column names, then rows of values (text, numbers, booleans, or null), printed by
 * {@link OutputFormat#report}. Numbers and booleans stay typed for JSON.
 */
record Report(List<String> header, List<List<Object>> rows) {

    Report {
        header = List.copyOf(header);
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " values under " + header.size()
                        + " columns");
            }
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copied);
    }

    /** A report to fill row by row. */
    static Builder of(String... header) {
        return new Builder(List.of(header));
    }

    /** The rows as text, null as the given placeholder. */
    List<List<String>> text(String nullText) {
        List<List<String>> text = new ArrayList<>();
        for (List<Object> row : rows) {
            text.add(row.stream().map(v -> v == null ? nullText : Objects.toString(v)).toList());
        }
        return text;
    }

    static final class Builder {
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            this.header = header;
        }

        Builder row(Object... values) {
            rows.add(java.util.Arrays.asList(values));
            return this;
        }

        Report build() {
            return new Report(header, rows);
        }
    }
}
