package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;

import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.Frag;
import dev.veil.analyzer.internal.escapes.JdbcEscapes;
import dev.veil.analyzer.internal.escapes.Translation;
import dev.veil.analyzer.internal.lexing.SqlLexer;

/**
 * The analysis of a SQL string: one {@link StatementAnalysis} per statement. Immutable and shared (cached);
 * {@link #rewrite} does not change it.
 */
public final class Analysis {

    private final String sql;
    private final String executedSql;
    private final Dialect dialect;
    private final List<StatementAnalysis> statements;
    private final Fingerprint fingerprint;
    /** JDBC escapes translated as the vendor driver does; null or identity when there are none. */
    private final Translation translation;

    Analysis(String sql, String executedSql, Dialect dialect, List<StatementAnalysis> statements) {
        this(sql, executedSql, dialect, statements, null);
    }

    Analysis(String sql, String executedSql, Dialect dialect, List<StatementAnalysis> statements,
             Translation translation) {
        this.sql = sql;
        this.executedSql = executedSql;
        this.dialect = dialect;
        this.translation = translation == null || translation.identity() ? null : translation;
        this.statements = List.copyOf(statements);
        if (statements.size() == 1) {
            this.fingerprint = statements.get(0).fingerprint();
        } else {
            StringBuilder n = new StringBuilder();
            StringBuilder r = new StringBuilder();
            for (StatementAnalysis s : statements) {
                if (n.length() > 0) { n.append(" ; "); r.append("; "); }
                n.append(s.fingerprint().normalized());
                r.append(s.fingerprint().redacted());
            }
            this.fingerprint = new Fingerprint(n.toString(), Fingerprints.sha256(n.toString()), r.toString());
        }
    }

    public String sql() { return sql; }

    /**
     * The text to hand to the vendor driver, on which rewrites are based: the SQL as given with MariaDB
     * executable-comment markers blanked, so that their content runs whatever the server version. JDBC escapes are
     * left in it for the vendor driver to translate (the analysis is of their translation, see
     * {@link #analyzedSql()}).
     */
    public String executedSql() { return executedSql; }

    /**
     * The text that was analyzed: {@link #executedSql()} with its JDBC escapes translated as the vendor driver
     * translates them (call escapes in their canonical form, see {@link StatementAnalysis#type()}). Equal to
     * {@link #executedSql()} when there are none.
     */
    public String analyzedSql() { return translation == null ? executedSql : translation.text(); }

    public Dialect dialect() { return dialect; }

    public List<StatementAnalysis> statements() { return statements; }

    /** Whether any statement is UNKNOWN. */
    public boolean isUnknown() {
        for (StatementAnalysis s : statements) if (s.isUnknown()) return true;
        return false;
    }

    /** The fingerprint of the whole string (of its only statement when there is one). */
    public Fingerprint fingerprint() { return fingerprint; }

    /**
     * Rewrites the statements, asking {@code substitution} about every column reference. Replaced references are
     * parenthesized; {@code *} and {@code t.*} are expanded when one of their columns is replaced; every select-list
     * or RETURNING item whose expression changed and has no alias is given its original label as a quoted alias.
     * Refuses (never guesses) when a statement is UNKNOWN, a replaced reference has no exact position, a
     * {@code USING} column would be replaced, or the substitution refuses.
     */
    public RewriteResult rewrite(ColumnSubstitution substitution) {
        Objects.requireNonNull(substitution, "substitution");
        for (StatementAnalysis s : statements) {
            if (s.isUnknown()) {
                return RewriteResult.refused("statement " + (s.index() + 1) + " is not understood: " + s.unknownReason().orElse(""));
            }
        }
        String analyzed = analyzedSql();
        List<Edit> edits = new ArrayList<>();
        for (StatementAnalysis s : statements) {
            IdentityHashMap<ItemInfo, IdentityHashMap<Occurrence, String>> starReplacements = new IdentityHashMap<>();
            List<int[]> replaced = new ArrayList<>();
            List<Occurrence> occ = new ArrayList<>(s.occurrences);
            for (Occurrence o : occ) {
                Substitution sub = substitution.substitute(o.ref);
                if (sub == null) return RewriteResult.refused("substitution returned no answer for " + o.ref.text());
                if (sub.action == Substitution.Action.KEEP) continue;
                if (sub.action == Substitution.Action.REFUSE) return RewriteResult.refused(sub.text);
                if (o.ref.kind() == ColumnReference.Kind.USING_COLUMN) {
                    return RewriteResult.refused("cannot replace JOIN USING column " + o.ref.text() + "; write the join with ON");
                }
                if (o.star != null) {
                    starReplacements.computeIfAbsent(o.star, k -> new IdentityHashMap<>()).put(o, sub.text);
                    continue;
                }
                if (s.rewriteBlocker != null) return RewriteResult.refused(s.rewriteBlocker);
                if (o.start < 0) return RewriteResult.refused("no exact position for " + o.ref.text());
                if (!analyzed.substring(o.start, o.end).equals(o.ref.text())) {
                    return RewriteResult.refused("position mismatch for " + o.ref.text());
                }
                edits.add(new Edit(o.start, o.end, "(" + sub.text + ")", 1));
                replaced.add(new int[] {o.start, o.end});
            }
            for (ItemInfo item : s.items) {
                if (item.isStar()) {
                    var repl = starReplacements.get(item);
                    if (repl == null) continue;
                    if (item.start < 0) return RewriteResult.refused("no exact position for *");
                    StringBuilder b = new StringBuilder();
                    for (ItemInfo.StarColumn c : item.starColumns) {
                        if (b.length() > 0) b.append(", ");
                        String r = repl.get(c.occurrence());
                        if (c.reference() == null) return RewriteResult.refused("cannot name the columns of an unaliased subquery in *");
                        if (r == null && !c.expression()) {
                            b.append(c.reference());
                        } else if (r == null) {
                            String alias = alias(c.label());
                            if (alias == null) return RewriteResult.refused("label too long to keep: " + c.label());
                            b.append(c.reference()).append(" AS ").append(alias);
                        } else {
                            String alias = alias(c.label());
                            if (alias == null) return RewriteResult.refused("label too long to keep: " + c.label());
                            b.append('(').append(r).append(") AS ").append(alias);
                        }
                    }
                    edits.add(new Edit(item.start, item.end, b.toString(), 1));
                    replaced.add(new int[] {item.start, item.end});
                }
            }
            for (ItemInfo item : s.items) {
                if (item.isStar() || item.hasAlias) continue;
                boolean changed = false;
                for (int[] r : replaced) {
                    if (r[0] >= item.start && r[1] <= item.end) { changed = true; break; }
                }
                if (!changed) continue;
                String alias = alias(item.label);
                if (alias == null) return RewriteResult.refused("label too long to keep: " + item.label.length() + " characters");
                edits.add(new Edit(item.end, item.end, " AS " + alias, 2));
            }
        }
        if (edits.isEmpty()) return new RewriteResult(executedSql, false, null);
        if (translation != null) return rewriteThroughEscapes(edits);
        String rewritten = apply(analyzed, edits);
        if (rewritten == null) return RewriteResult.refused("overlapping rewrites");
        return new RewriteResult(rewritten, true, null);
    }

    /** An edit of the text: {@code [start, end)} becomes {@code text}; {@code order} sorts edits at one place. */
    private record Edit(int start, int end, String text, int order) { }

    private static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order).thenComparingInt(Edit::end));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int pos = 0;
        Edit last = null;
        for (Edit e : sorted) {
            if (e.equals(last)) continue; // one place in the original that the driver's translation repeats
            if (e.start() < pos) return null;
            out.append(text, pos, e.start()).append(e.text());
            pos = e.end();
            last = e;
        }
        out.append(text, pos, text.length());
        return out.toString();
    }

    /**
     * Edits found in the analyzed text (JDBC escapes translated) are made in the text handed to the vendor driver.
     * Each must fall on text the driver copies verbatim, and the driver's translation of the result must be exactly
     * the analyzed text with the same edits: otherwise the rewrite is refused.
     */
    private RewriteResult rewriteThroughEscapes(List<Edit> edits) {
        Frag map = translation.frag();
        List<Edit> original = new ArrayList<>();
        List<Edit> analyzed = new ArrayList<>();
        for (Edit e : edits) {
            int start;
            int end;
            if (e.start() == e.end()) {
                // an alias: after the escape that ends the item, in both texts
                int[] at = map.mapEndWide(e.end());
                start = end = at[0];
                analyzed.add(new Edit(at[1], at[1], e.text(), e.order()));
            } else {
                analyzed.add(e);
                start = map.mapStart(e.start(), false);
                end = map.mapEnd(e.end(), false);
                if (start >= 0 && end >= start
                        && !executedSql.substring(start, end).equals(translation.text().substring(e.start(), e.end()))) {
                    start = -1;
                }
            }
            if (start < 0 || end < start) {
                return RewriteResult.refused("a rewritten reference is part of a JDBC escape the driver rewrites");
            }
            original.add(new Edit(start, end, e.text(), e.order()));
        }
        String rewritten = apply(executedSql, original);
        String rewrittenAnalyzed = apply(translation.text(), analyzed);
        if (rewritten == null || rewrittenAnalyzed == null) return RewriteResult.refused("overlapping rewrites");
        SqlLexer.Lexed lexed = SqlLexer.lex(rewritten, dialect, Integer.MAX_VALUE);
        String translated;
        try {
            translated = lexed.error() != null ? null
                    : JdbcEscapes.translate(rewritten, dialect, lexed.tokens(), lexed.segments()).text();
        } catch (EscapeRefused r) {
            translated = null;
        }
        if (!rewrittenAnalyzed.equals(translated)) {
            return RewriteResult.refused("the driver would translate the rewritten JDBC escapes differently");
        }
        return new RewriteResult(rewritten, true, null);
    }

    /** The quoted alias that makes the vendor driver report {@code label}; null when the dialect cannot carry it. */
    private String alias(String label) {
        if (label == null) return null;
        int max = dialect.rules().maxAliasLength();
        if (label.length() > max || label.isEmpty()) return null;
        return dialect.quoteIdentifier(label);
    }

    @Override
    public String toString() {
        return "Analysis" + statements;
    }
}
