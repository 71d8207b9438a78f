package dev.veil.it.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run of a unit showed the caller: the outcome (ran, refused by Veil, failed in the database), every
 * result set (labels, types, values), update counts, the read-backs, and the texts the canary oracle searches —
 * values, labels, error chains, warnings, generated keys — each named by where it came from.
 */
final class Observation {

    enum Outcome { RAN, REFUSED, FAILED }

    /** A result set: column descriptions and rows of described values. */
    record Capture(List<String> columns, List<List<String>> rows) {
        /** The rows in a canonical order, for comparisons that ignore order. */
        Capture sorted() {
            List<List<String>> copy = new ArrayList<>(rows);
            copy.sort((a, b) -> String.join("\u0001", a).compareTo(String.join("\u0001", b)));
            return new Capture(columns, copy);
        }
    }

    /** One text to search, and where it came from (route first: result, returning, error, warning, readback…). */
    record Text(String where, String text) {
    }

    Outcome outcome = Outcome.RAN;
    String sqlState;
    String message;
    final List<Capture> results = new ArrayList<>();
    final List<Long> updateCounts = new ArrayList<>();
    final List<Capture> readbacks = new ArrayList<>();
    final List<String> readbackOutcomes = new ArrayList<>();
    final List<Text> texts = new ArrayList<>();
    int warnings;

    void text(String where, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(new Text(where, text));
        }
    }

    /**
     * What the transparency oracle compares: everything, or — for statements whose values legitimately depend on
     * the plan ({@code order-dependent}: window functions over ties, unordered string and array aggregates; and
     * EXPLAIN, whose plan text H2 does not keep stable between runs of the same statement) — the outcome and the
     * columns (such values may also decide, through an outer WHERE, how many rows there are).
     */
    String comparable(Unit u) {
        if (!u.features().contains("order-dependent") && !u.features().contains("explain")) {
            return comparable(u.fullyOrdered(), false);
        }
        StringBuilder b = new StringBuilder().append(outcome).append(' ').append(outcome == Outcome.FAILED ? sqlState
                : "").append('\n');
        for (Capture c : results) {
            b.append(c.columns()).append('\n');
        }
        for (Capture c : readbacks) {
            b.append(c.columns()).append('\n');
        }
        return b.append(readbackOutcomes).toString();
    }

    /** What a comparison looks at: ordered or not, with or without warnings. */
    String comparable(boolean ordered, boolean withWarnings) {
        StringBuilder b = new StringBuilder();
        b.append(outcome);
        if (outcome == Outcome.FAILED) {
            b.append(' ').append(sqlState);
        }
        b.append('\n');
        for (Capture c : results) {
            b.append(ordered ? c : c.sorted()).append('\n');
        }
        b.append(updateCounts).append('\n');
        for (Capture c : readbacks) {
            b.append(c.sorted()).append('\n');
        }
        b.append(readbackOutcomes).append('\n');
        if (withWarnings) {
            b.append("warnings=").append(warnings);
        }
        return b.toString();
    }

    /** Veil's refusal reduced to its rule (and, for statements it cannot analyze, the construct), or null. */
    String refusalReason() {
        if (outcome != Outcome.REFUSED || message == null) {
            return null;
        }
        String m = message;
        int rule = m.lastIndexOf("(rule:");
        String ruleText = rule >= 0 ? m.substring(rule) : "(no rule)";
        int cannot = m.indexOf("cannot analyze the statement:");
        if (cannot >= 0) {
            String why = m.substring(cannot + "cannot analyze the statement:".length(), rule >= 0 ? rule : m.length());
            return ruleText + " " + why.replaceAll("'[^']*'", "'…'").replaceAll("reference \\S+", "reference …")
                    .replaceAll("\\d+", "n").trim();
        }
        return ruleText;
    }

    /** A short description of the outcome. */
    String summary() {
        return outcome + (outcome == Outcome.RAN ? "" : " " + sqlState + " " + Objects.toString(message, ""));
    }
}
