package dev.veil.analyzer.internal.rewrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Function;

import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.RewriteResult;
import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.Frag;
import dev.veil.analyzer.internal.escapes.JdbcEscapes;
import dev.veil.analyzer.internal.escapes.Translation;
import dev.veil.analyzer.internal.lexing.SqlLexer;

/**
 * Text splicing on the executed text: each replaced reference's span becomes {@code (replacement)}; a star item with
 * a replaced column becomes its explicit, qualified list; items whose span contains a change and that have no alias
 * get {@code AS <quoted label>}. Through JDBC escapes, edits found in the translated text are made in the original
 * and the driver's translation of the result is checked. Refuses, never approximates.
 */
public final class Rewriter {

    /** A substitution's answer for one reference. */
    public record Answer(Action action, String text) {
        public enum Action { KEEP, REPLACE, REFUSE }
    }

    /** What the rewriter needs of one statement. */
    public record Statement(List<Occurrence> occurrences, List<ItemInfo> items, String rewriteBlocker) { }

    private final String executedSql;
    private final Translation translation;
    private final Dialect dialect;

    /** {@code translation}: the JDBC escapes the analysis followed, or null when there are none. */
    public Rewriter(String executedSql, Translation translation, Dialect dialect) {
        this.executedSql = executedSql;
        this.translation = translation;
        this.dialect = dialect;
    }

    /** Rewrites the statements, asking {@code substitution} about every column reference in text order. */
    public RewriteResult rewrite(List<Statement> statements, Function<ColumnReference, Answer> substitution) {
        String analyzed = translation == null ? executedSql : translation.text();
        List<Edit> edits = new ArrayList<>();
        for (Statement s : statements) {
            IdentityHashMap<ItemInfo, IdentityHashMap<Occurrence, String>> starReplacements = new IdentityHashMap<>();
            List<int[]> replaced = new ArrayList<>();
            List<Occurrence> occ = new ArrayList<>(s.occurrences());
            for (Occurrence o : occ) {
                Answer sub = substitution.apply(o.ref);
                if (sub == null) return refused("substitution returned no answer for " + o.ref.text());
                if (sub.action() == Answer.Action.KEEP) continue;
                if (sub.action() == Answer.Action.REFUSE) return refused(sub.text());
                if (o.ref.kind() == ColumnReference.Kind.USING_COLUMN) {
                    return refused("cannot replace JOIN USING column " + o.ref.text() + "; write the join with ON");
                }
                if (o.star != null) {
                    starReplacements.computeIfAbsent(o.star, k -> new IdentityHashMap<>()).put(o, sub.text());
                    continue;
                }
                if (s.rewriteBlocker() != null) return refused(s.rewriteBlocker());
                if (o.start < 0) return refused("no exact position for " + o.ref.text());
                if (!analyzed.substring(o.start, o.end).equals(o.ref.text())) {
                    return refused("position mismatch for " + o.ref.text());
                }
                edits.add(new Edit(o.start, o.end, "(" + sub.text() + ")", 1));
                replaced.add(new int[] {o.start, o.end});
            }
            for (ItemInfo item : s.items()) {
                if (item.isStar()) {
                    var repl = starReplacements.get(item);
                    if (repl == null) continue;
                    if (item.start < 0) return refused("no exact position for *");
                    StringBuilder b = new StringBuilder();
                    for (ItemInfo.StarColumn c : item.starColumns) {
                        if (b.length() > 0) b.append(", ");
                        String r = repl.get(c.occurrence());
                        if (c.reference() == null) return
                                refused("cannot name the columns of an unaliased subquery in *");
                        if (r == null && !c.expression()) {
                            b.append(c.reference());
                        } else if (r == null) {
                            String alias = alias(c.label());
                            if (alias == null) return refused("label too long to keep: " + c.label());
                            b.append(c.reference()).append(" AS ").append(alias);
                        } else {
                            String alias = alias(c.label());
                            if (alias == null) return refused("label too long to keep: " + c.label());
                            b.append('(').append(r).append(") AS ").append(alias);
                        }
                    }
                    edits.add(new Edit(item.start, item.end, b.toString(), 1));
                    replaced.add(new int[] {item.start, item.end});
                }
            }
            for (ItemInfo item : s.items()) {
                if (item.isStar() || item.hasAlias) continue;
                boolean changed = false;
                for (int[] r : replaced) {
                    if (r[0] >= item.start && r[1] <= item.end) {
                        changed = true;
                        break;
                    }
                }
                if (!changed) continue;
                String alias = alias(item.label);
                if (alias == null) return refused("label too long to keep: " + item.label.length() + " characters");
                edits.add(new Edit(item.end, item.end, " AS " + alias, 2));
            }
        }
        if (edits.isEmpty()) {
            return new RewriteResult(executedSql, false, null, translation == null ? List.of() : null);
        }
        if (translation != null) return rewriteThroughEscapes(edits);
        String rewritten = apply(analyzed, edits);
        if (rewritten == null) return refused("overlapping rewrites");
        return new RewriteResult(rewritten, true, null, splices(edits));
    }

    /** The edits as {@code apply} makes them, in text order. */
    private static List<RewriteResult.Splice> splices(List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order).thenComparingInt(Edit::end));
        List<RewriteResult.Splice> out = new ArrayList<>();
        Edit last = null;
        for (Edit e : sorted) {
            if (e.equals(last)) continue;
            out.add(new RewriteResult.Splice(e.start(), e.end(), e.text().length()));
            last = e;
        }
        return out;
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
                        && !executedSql.substring(start, end).equals(translation.text().substring(e.start(),
                                e.end()))) {
                    start = -1;
                }
            }
            if (start < 0 || end < start) {
                return refused("a rewritten reference is part of a JDBC escape the driver rewrites");
            }
            original.add(new Edit(start, end, e.text(), e.order()));
        }
        String rewritten = apply(executedSql, original);
        String rewrittenAnalyzed = apply(translation.text(), analyzed);
        if (rewritten == null || rewrittenAnalyzed == null) return refused("overlapping rewrites");
        SqlLexer.Lexed lexed = SqlLexer.lex(rewritten, dialect, Integer.MAX_VALUE);
        String translated;
        try {
            translated = lexed.error() != null ? null
                    : JdbcEscapes.translate(rewritten, dialect, lexed.tokens(), lexed.segments()).text();
        } catch (EscapeRefused r) {
            translated = null;
        }
        if (!rewrittenAnalyzed.equals(translated)) {
            return refused("the driver would translate the rewritten JDBC escapes differently");
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

    private static RewriteResult refused(String reason) {
        return new RewriteResult(null, false, reason);
    }
}
