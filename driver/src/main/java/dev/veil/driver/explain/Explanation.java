package dev.veil.driver.explain;

import java.util.List;

/**
 * What Veil would do with a statement, without running it: what it is, which sensitive columns it touches and why
 * they are sensitive, what happens at each reference to them, and the SQL the database would receive — or why the
 * statement would be refused. Names and classes only, never a data value.
 *
 * @param sql        the statement as given
 * @param engine     the database engine, or {@code unsupported}
 * @param principal  the database user the policy is applied to
 * @param exempt     whether that user is exempt (sees raw values)
 * @param statements each statement's kind, type, tables and redacted text
 * @param columns    the sensitive columns touched
 * @param references what happens at each reference to a sensitive column
 * @param decision   ALLOWED, MASKED, HELD_FOR_APPROVAL or REFUSED
 * @param rule       the approval rule, or the refusal's rule; null when none
 * @param rewritten  the SQL the database would receive; null when refused
 * @param refusal    the refusal message; null when not refused
 */
public record Explanation(String sql, String engine, String principal, boolean exempt, List<Statement> statements,
                          List<Column> columns, List<Reference> references, String decision, String rule,
                          String rewritten, String refusal) {

    /** One statement of the text. */
    public record Statement(String kind, String type, List<String> tablesRead, List<String> tablesWritten,
                            String redacted) {
    }

    /** A sensitive column: its class, where the class came from, its mask and predicate mode. */
    public record Column(String column, String sensitivityClass, String source, String evidence, String mask,
                         String predicates) {
    }

    /** A reference to a sensitive column, where it sits, and what Veil does there. */
    public record Reference(String text, String clause, String outcome) {
    }

    /** The explanation as plain text, for the {@code veil explain} command. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("engine:     ").append(engine).append('\n');
        out.append("principal:  ").append(principal).append(exempt ? " (exempt: sees raw values)" : "").append('\n');
        for (Statement s : statements) {
            out.append("statement:  ").append(s.kind()).append(" / ").append(s.type()).append('\n');
            out.append("  text:     ").append(s.redacted()).append('\n');
            if (!s.tablesRead().isEmpty()) {
                out.append("  reads:    ").append(String.join(", ", s.tablesRead())).append('\n');
            }
            if (!s.tablesWritten().isEmpty()) {
                out.append("  writes:   ").append(String.join(", ", s.tablesWritten())).append('\n');
            }
        }
        if (columns.isEmpty()) {
            out.append("sensitive:  none\n");
        } else {
            out.append("sensitive:\n");
            for (Column c : columns) {
                out.append("  ").append(c.column()).append("  class ").append(c.sensitivityClass())
                        .append(" (").append(c.source().toLowerCase(java.util.Locale.ROOT)).append(": ")
                        .append(c.evidence()).append(")  mask ").append(c.mask()).append("  predicates ")
                        .append(c.predicates()).append('\n');
            }
        }
        for (Reference r : references) {
            out.append("  ").append(r.clause()).append(' ').append(r.text()).append(": ").append(r.outcome())
                    .append('\n');
        }
        out.append("decision:   ").append(decision).append(rule == null ? "" : " (rule: " + rule + ")").append('\n');
        if (refusal != null) {
            out.append("refused:    ").append(refusal).append('\n');
        } else {
            out.append("rewritten:  ").append(rewritten).append('\n');
        }
        return out.toString();
    }
}
