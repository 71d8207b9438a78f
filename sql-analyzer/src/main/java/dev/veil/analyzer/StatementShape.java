package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.veil.analyzer.internal.escapes.EscapeRefused;
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
 * character is not reused: such a text is analyzed in full, where the parser's reading is checked against the lexer's;
 * nor is a text in which the vendor driver's escape processing would read a brace as code.
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
    }

    /** The probe of {@code sql}; empty when it cannot have a shape (not lexically valid, or containing the mark). */
    public static Optional<Probe> probe(String sql, Dialect dialect) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(dialect, "dialect");
        if (sql.indexOf(MARK) >= 0) return Optional.empty();
        List<SqlLexer.Tok> tokens = SqlLexer.tokens(sql, dialect);
        if (tokens == null) return Optional.empty();
        StringBuilder key = new StringBuilder(sql.length() + 16);
        List<SqlLexer.Tok> literals = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlLexer.Tok t = tokens.get(i);
            if (!isLiteral(t)) continue;
            key.append(sql, pos, t.start).append(MARK);
            form(sql, t, key);
            key.append(MARK);
            literals.add(t);
            pos = t.end;
        }
        key.append(sql, pos, sql.length());
        return Optional.of(new Probe(sql, dialect, key.toString(), literals));
    }

    private static boolean isLiteral(SqlLexer.Tok t) {
        return t.kind == SqlLexer.Kind.STRING || t.kind == SqlLexer.Kind.NUMBER;
    }

    /** A literal's kind and how it is written: {@code N} for a number, a string's prefix and opening quote. */
    private static void form(String sql, SqlLexer.Tok t, StringBuilder key) {
        if (t.kind == SqlLexer.Kind.NUMBER) {
            key.append('N');
            return;
        }
        int i = t.start;
        while (i < t.end && "'\"$".indexOf(sql.charAt(i)) < 0) i++;
        key.append('S').append(sql, t.start, Math.min(i + 1, t.end));
    }

    /** A literal that may take another value: written plainly ({@code 5}, {@code 1.5}, {@code '…'}, {@code E'…'}). */
    private static boolean plainForm(String sql, SqlLexer.Tok t) {
        char c = sql.charAt(t.start);
        if (t.kind == SqlLexer.Kind.NUMBER) return decimal(sql, t.start, t.end);
        if (c == '\'' || c == '"') return true;
        return (c == 'E' || c == 'e' || c == 'N' || c == 'n') && t.end - t.start > 1
                && sql.charAt(t.start + 1) == '\'';
    }

    /**
     * A decimal number in ASCII digits ({@code 5}, {@code 1.5}, {@code .5}, {@code 1.}, {@code 1e5}): never a hex or
     * bit literal ({@code 0x1F} is a string to MariaDB), nor a token whose characters a database could read otherwise.
     */
    private static boolean decimal(String sql, int start, int end) {
        int i = start;
        int digits = 0;
        while (i < end && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < end && sql.charAt(i) == '.') {
            i++;
            while (i < end && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) return false;
        if (i < end && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            i++;
            if (i < end && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) i++;
            int exponent = i;
            while (i < end && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') i++;
            if (i == exponent) return false;
        }
        return i == end;
    }

    /**
     * A literal whose text holds no backslash and no control character: where escapes or unusual characters could
     * make the database end a string elsewhere than the lexer does, the text is analyzed in full (its parse is then
     * checked against the lexer), never taken on the lexer's word alone.
     */
    private static boolean ordinary(String sql, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = sql.charAt(i);
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
    /** Per token of the SQL to run: whether it is a value-only literal. */
    private final boolean[] openTokens;
    /**
     * The first token of the SQL to run that a bound text is lexed from: the first value-only literal when the SQL
     * before it is the same in every bound text and its lexing provably ends there at the top level (see {@link
     * #relexFrom}), else 0 (the whole text is lexed).
     */
    private final int firstLexed;

    private StatementShape(String key, Dialect dialect, List<String> pinned, List<String> parts,
                           List<SqlLexer.Tok> runTokens, String runSql, boolean[] openTokens) {
        this.key = key;
        this.dialect = dialect;
        this.pinned = pinned;
        this.parts = parts;
        this.runTokens = runTokens;
        this.runSql = runSql;
        this.openTokens = openTokens;
        this.firstLexed = relexFrom(runSql, runTokens, openTokens);
    }

    /**
     * Where a bound text's tokens may be lexed from: a bound text is this SQL up to its first value-only literal,
     * character for character, so a lexer reaches that literal in the state it reached it here — and when that state
     * is the top level (no executable comment opened before it) and whitespace separates the literal from the token
     * before (whose end the lexer decided without looking at the literal), lexing on from there finds what lexing
     * the whole text finds. Otherwise 0: the whole text is lexed.
     */
    private static int relexFrom(String runSql, List<SqlLexer.Tok> runTokens, boolean[] openTokens) {
        for (int k = 0; k < runTokens.size(); k++) {
            if (runTokens.get(k).kind == SqlLexer.Kind.EXEC_MARKER) return 0;
            if (openTokens[k]) {
                int start = runTokens.get(k).start;
                char before = start > 0 ? runSql.charAt(start - 1) : 'x';
                return before == ' ' || before == '\t' || before == '\n' || before == '\r' ? k : 0;
            }
        }
        return 0;
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
        boolean[] openTokens = new boolean[run.tokens().size()];
        int opened = 0;
        for (int k = 0; k < run.tokens().size(); k++) {
            if (openStarts.contains(run.tokens().get(k).start)) {
                openTokens[k] = true;
                opened++;
            }
        }
        if (opened != openStarts.size()) return Optional.empty();
        return Optional.of(new StatementShape(probe.get().key(), analysis.dialect(), pinned, List.copyOf(parts),
                run.tokens(), runSql, openTokens));
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
        int part = 0;
        for (int i = 0; i < pinned.size(); i++) {
            SqlLexer.Tok t = probe.literals.get(i);
            String fixed = pinned.get(i);
            if (fixed != null) {
                if (t.end - t.start != fixed.length() || !probe.sql.startsWith(fixed, t.start)) return Optional.empty();
                continue;
            }
            if (!plainForm(probe.sql, t) || !ordinary(probe.sql, t.start, t.end)
                    || t.kind == SqlLexer.Kind.STRING && KeywordHazards.reservedString(t.value)) {
                return Optional.empty();
            }
            sql.append(parts.get(part++)).append(probe.sql, t.start, t.end);
        }
        sql.append(parts.get(part));
        String text = sql.toString();
        return sameTokens(text, probe) && !driverReadsABrace(text) ? Optional.of(text) : Optional.empty();
    }

    /**
     * Whether the vendor driver's escape processing would act on {@code sql}: a brace its own scanner reads as code.
     * The shape's SQL has none (its analysis found no escape to translate), but a new literal may hold braces, and
     * where the driver's scanner and the database part ways before it (H2's driver ends a comment at the first
     * {@code *}{@code /}, H2 nests them) the driver reads the literal's content as code and rewrites it — text the
     * full analysis refuses ({@code JdbcEscapes}). Such a text is analyzed in full, and so is one the driver's
     * scanner cannot even read to its end (a comment or quote it never sees closed).
     */
    private boolean driverReadsABrace(String sql) {
        if (sql.indexOf('{') < 0 && sql.indexOf('}') < 0) return false;
        try {
            return !dialect.rules().codeBraces(sql).isEmpty();
        } catch (EscapeRefused unreadable) {
            return true;
        }
    }

    /**
     * Whether {@code sql} lexes as this shape's SQL with exactly its open literals changed to the value-only literals
     * of {@code probe}, in order: every token of the same kind, at its place, written as the shape's (or, for an open
     * literal, as the probe's literal).
     */
    private boolean sameTokens(String sql, Probe probe) {
        List<SqlLexer.Tok> lexed = firstLexed == 0 ? SqlLexer.tokens(sql, dialect)
                : SqlLexer.tokensFrom(sql, dialect, runTokens.get(firstLexed).start);
        if (lexed == null || lexed.size() != runTokens.size() - firstLexed) return false;
        int literal = 0;
        for (int k = firstLexed; k < runTokens.size(); k++) {
            SqlLexer.Tok was = runTokens.get(k);
            SqlLexer.Tok is = lexed.get(k - firstLexed);
            if (was.kind != is.kind) return false;
            if (openTokens[k]) {
                while (literal < pinned.size() && pinned.get(literal) != null) literal++;
                if (literal == pinned.size()) return false;
                SqlLexer.Tok value = probe.literals.get(literal++);
                int length = value.end - value.start;
                if (is.end - is.start != length || !sql.regionMatches(is.start, probe.sql, value.start, length)) {
                    return false;
                }
            } else if (is.end - is.start != was.end - was.start
                    || !sql.regionMatches(is.start, runSql, was.start, was.end - was.start)) {
                return false;
            }
        }
        while (literal < pinned.size() && pinned.get(literal) != null) literal++;
        return literal == pinned.size();
    }
}
