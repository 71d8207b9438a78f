package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.veil.analyzer.internal.facts.KeywordHazards;
import dev.veil.analyzer.internal.lexing.SqlLexer;

/**
 * The shape of an analyzed query: its text with the literals whose value the analysis does not depend on left open,
 * so that a statement differing from it in those literals alone can reuse its analysis and its rewritten SQL.
 *
 * <p>Why reuse is safe: a {@link Probe} of the new text must equal the analyzed text character for character outside
 * its literal tokens (comments and spacing included), each literal token must be of the same kind and form
 * ({@code 5}, {@code '…'}, {@code E'…'}), every literal the analysis may depend on must be written identically, and
 * only literals the analyzer reported as value-only — compared with a column in the top-level WHERE, see
 * {@code ValueLiterals} — may differ. The SQL to run is the shape's SQL with the caller's literal tokens put back
 * verbatim where the analyzed literals were (never re-quoted), and it is lexed again: unless its tokens are the
 * shape's tokens with exactly those literals changed, nothing is reused. A new literal holding a backslash or a control
 * character is not reused: such a text is analyzed in full, where the parser's reading is checked against the lexer's.
 */
public final class StatementShape {

    /** Stands for a literal in a {@linkplain Probe#key() key}; texts containing it have no shape. */
    private static final char MARK = '\u0001';

    /** A statement text as shapes see it: its key and its literal tokens. */
    public static final class Probe {
        private final String sql;
        private final Dialect dialect;
        private final String key;
        private final List<SqlLexer.Tok> literals;

        private Probe(String sql, Dialect dialect, String key, List<SqlLexer.Tok> literals) {
            this.sql = sql;
            this.dialect = dialect;
            this.key = key;
            this.literals = literals;
        }

        /** The text with each literal token replaced by a mark of its kind and form: equal for equal shapes. */
        public String key() {
            return key;
        }

        String raw(int i) {
            SqlLexer.Tok t = literals.get(i);
            return sql.substring(t.start, t.end);
        }
    }

    /** The probe of {@code sql}; empty when it cannot have a shape (not lexically valid, or containing the mark). */
    public static Optional<Probe> probe(String sql, Dialect dialect) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(dialect, "dialect");
        if (sql.indexOf(MARK) >= 0) return Optional.empty();
        SqlLexer.Tokens lexed = SqlLexer.tokens(sql, dialect, Integer.MAX_VALUE);
        if (lexed.error() != null) return Optional.empty();
        StringBuilder key = new StringBuilder(sql.length());
        List<SqlLexer.Tok> literals = new ArrayList<>();
        int pos = 0;
        for (SqlLexer.Tok t : lexed.tokens()) {
            if (!isLiteral(t)) continue;
            key.append(sql, pos, t.start).append(MARK).append(form(sql, t)).append(MARK);
            literals.add(t);
            pos = t.end;
        }
        key.append(sql, pos, sql.length());
        return Optional.of(new Probe(sql, dialect, key.toString(), List.copyOf(literals)));
    }

    private static boolean isLiteral(SqlLexer.Tok t) {
        return t.kind == SqlLexer.Kind.STRING || t.kind == SqlLexer.Kind.NUMBER;
    }

    /** A literal's kind and how it is written: {@code N} for a number, a string's prefix and opening quote. */
    private static String form(String sql, SqlLexer.Tok t) {
        if (t.kind == SqlLexer.Kind.NUMBER) return "N";
        int i = t.start;
        while (i < t.end && "'\"$".indexOf(sql.charAt(i)) < 0) i++;
        return "S" + sql.substring(t.start, Math.min(i + 1, t.end));
    }

    /** A literal that may take another value: written plainly ({@code 5}, {@code 1.5}, {@code '…'}, {@code E'…'}). */
    private static boolean plainForm(String sql, SqlLexer.Tok t) {
        char c = sql.charAt(t.start);
        if (t.kind == SqlLexer.Kind.NUMBER) return Character.isDigit(c) || c == '.';
        if (c == '\'' || c == '"') return true;
        return (c == 'E' || c == 'e' || c == 'N' || c == 'n') && t.end - t.start > 1
                && sql.charAt(t.start + 1) == '\'';
    }

    /**
     * A literal whose text holds no backslash and no control character: where escapes or unusual characters could
     * make the database end a string elsewhere than the lexer does, the text is analyzed in full (its parse is then
     * checked against the lexer), never taken on the lexer's word alone.
     */
    private static boolean ordinary(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' || Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private final String key;
    private final Dialect dialect;
    /** Per literal of the analyzed text: its text when it must stay as written, null when it is value-only. */
    private final List<String> pinned;
    /** The SQL to run, split around the value-only literals. */
    private final List<String> parts;
    /** The tokens of the SQL to run, and which of them are the value-only literals. */
    private final List<SqlLexer.Tok> runTokens;
    private final String runSql;
    private final Set<Integer> openTokens;

    private StatementShape(String key, Dialect dialect, List<String> pinned, List<String> parts,
                           List<SqlLexer.Tok> runTokens, String runSql, Set<Integer> openTokens) {
        this.key = key;
        this.dialect = dialect;
        this.pinned = pinned;
        this.parts = parts;
        this.runTokens = runTokens;
        this.runSql = runSql;
        this.openTokens = openTokens;
    }

    /**
     * The shape of an analysis and the SQL made from it: {@code rewrite} is the rewrite that made the SQL, or null
     * when the SQL to run is the {@linkplain Analysis#executedSql() executed text} unchanged. Empty when the analysis
     * is not of one understood query, has JDBC escapes, has no value-only literal, or the rewrite's edits are not
     * known or touch a value-only literal.
     */
    public static Optional<StatementShape> of(Analysis analysis, RewriteResult rewrite) {
        if (analysis.statements().size() != 1 || analysis.isUnknown()
                || !analysis.analyzedSql().equals(analysis.executedSql())) {
            return Optional.empty();
        }
        StatementAnalysis s = analysis.statements().get(0);
        if (s.kind() != StatementKind.QUERY || s.valueLiterals.isEmpty()) return Optional.empty();
        String runSql = analysis.executedSql();
        List<RewriteResult.Splice> splices = List.of();
        if (rewrite != null) {
            if (rewrite.isRefused() || rewrite.splices() == null) return Optional.empty();
            runSql = rewrite.sql();
            splices = rewrite.splices();
        }
        Optional<Probe> probe = probe(analysis.sql(), analysis.dialect());
        if (probe.isEmpty()) return Optional.empty();
        String sql = analysis.sql();
        Set<Long> valueOnly = new HashSet<>();
        for (int[] span : s.valueLiterals) valueOnly.add(((long) span[0] << 32) | span[1]);
        List<String> pinned = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        Set<Integer> openStarts = new HashSet<>();
        int from = 0;
        for (SqlLexer.Tok t : probe.get().literals) {
            boolean open = valueOnly.contains(((long) t.start << 32) | t.end) && plainForm(sql, t)
                    && !(t.kind == SqlLexer.Kind.STRING && KeywordHazards.reservedString(t.value));
            if (!open) {
                pinned.add(sql.substring(t.start, t.end));
                continue;
            }
            pinned.add(null);
            int at = mapped(t.start, t.end, splices);
            if (at < from || !runSql.startsWith(sql.substring(t.start, t.end), at)) return Optional.empty();
            parts.add(runSql.substring(from, at));
            openStarts.add(at);
            from = at + (t.end - t.start);
        }
        if (parts.isEmpty()) return Optional.empty();
        parts.add(runSql.substring(from));
        SqlLexer.Lexed run = SqlLexer.lex(runSql, analysis.dialect(), Integer.MAX_VALUE);
        if (run.error() != null) return Optional.empty();
        Set<Integer> openTokens = new HashSet<>();
        for (int k = 0; k < run.tokens().size(); k++) {
            if (openStarts.contains(run.tokens().get(k).start)) openTokens.add(k);
        }
        if (openTokens.size() != openStarts.size()) return Optional.empty();
        return Optional.of(new StatementShape(probe.get().key(), analysis.dialect(), pinned, List.copyOf(parts),
                run.tokens(), runSql, Set.copyOf(openTokens)));
    }

    /** Where {@code [start, end)} of the executed text is in the rewritten SQL; -1 when an edit touches it. */
    private static int mapped(int start, int end, List<RewriteResult.Splice> splices) {
        int shift = 0;
        for (RewriteResult.Splice sp : splices) {
            if (sp.end() <= start) {
                // an edit before the literal, or an insertion right before it
                shift += sp.length() - (sp.end() - sp.start());
            } else if (sp.start() < end) {
                return -1;
            }
        }
        return start + shift;
    }

    /** The key probes of this shape's statements have. */
    public String key() {
        return key;
    }

    /**
     * The SQL to run for {@code probe}'s statement: this shape's SQL with its value-only literals. Empty when the
     * statement is not of this shape: another key or dialect, a literal the analysis depends on written otherwise, a
     * value the analysis reads (a Veil setting's name), or SQL whose tokens would not be this shape's.
     */
    public Optional<String> bind(Probe probe) {
        if (!probe.key.equals(key) || probe.dialect != dialect || probe.literals.size() != pinned.size()) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder(runSql.length() + 16);
        List<String> values = new ArrayList<>();
        int part = 0;
        for (int i = 0; i < pinned.size(); i++) {
            String raw = probe.raw(i);
            if (pinned.get(i) != null) {
                if (!pinned.get(i).equals(raw)) return Optional.empty();
                continue;
            }
            SqlLexer.Tok t = probe.literals.get(i);
            if (!plainForm(probe.sql, t) || !ordinary(raw)
                    || t.kind == SqlLexer.Kind.STRING && KeywordHazards.reservedString(t.value)) {
                return Optional.empty();
            }
            sql.append(parts.get(part++)).append(raw);
            values.add(raw);
        }
        sql.append(parts.get(part));
        String text = sql.toString();
        return sameTokens(text, values) ? Optional.of(text) : Optional.empty();
    }

    /** Whether {@code sql} lexes as this shape's SQL with exactly its open literals changed to {@code values}. */
    private boolean sameTokens(String sql, List<String> values) {
        SqlLexer.Tokens lexed = SqlLexer.tokens(sql, dialect, Integer.MAX_VALUE);
        if (lexed.error() != null || lexed.tokens().size() != runTokens.size()) return false;
        int v = 0;
        for (int k = 0; k < runTokens.size(); k++) {
            SqlLexer.Tok was = runTokens.get(k);
            SqlLexer.Tok is = lexed.tokens().get(k);
            if (was.kind != is.kind) return false;
            String expected = openTokens.contains(k) ? values.get(v++) : runSql.substring(was.start, was.end);
            if (!sql.startsWith(expected, is.start) || is.end - is.start != expected.length()) return false;
        }
        return v == values.size();
    }
}
