package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.veil.analyzer.internal.escapes.Translation;
import dev.veil.analyzer.internal.lexing.Fingerprints;
import dev.veil.analyzer.internal.rewrite.Rewriter;

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
    /** Whether the text has parameter markers ({@code ?}, {@code $1}); true when not known (the text not read). */
    private boolean hasParameters = true;

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
                if (n.length() > 0) {
                    n.append(" ; ");
                    r.append("; ");
                }
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
     * translates them (call escapes in their canonical form, see {@link StatementAnalysis#statementType()}). Equal to
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
     * Whether the statement text has parameter markers ({@code ?}; {@code $1} where the dialect has them), whose
     * values are known only at execution. True when the text could not be read.
     */
    public boolean hasParameters() { return hasParameters; }

    /** This analysis with its statements replaced (by their cross-checked selves). */
    Analysis withStatements(List<StatementAnalysis> replaced) {
        return new Analysis(sql, executedSql, dialect, replaced, translation).withParameters(hasParameters);
    }

    Analysis withParameters(boolean has) {
        this.hasParameters = has;
        return this;
    }

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
                return RewriteResult.refused("statement " + (s.index() + 1) + " is not understood: "
                        + s.unknownReason().orElse(""));
            }
        }
        List<Rewriter.Statement> texts = new ArrayList<>();
        for (StatementAnalysis s : statements) texts.add(new Rewriter.Statement(s.occurrences, s.items,
                s.rewriteBlocker));
        return new Rewriter(executedSql, translation, dialect).rewrite(texts,
                ref -> answer(substitution.substitute(ref)));
    }

    private static Rewriter.Answer answer(Substitution s) {
        if (s == null) return null;
        return new Rewriter.Answer(switch (s.action) {
            case KEEP -> Rewriter.Answer.Action.KEEP;
            case REPLACE -> Rewriter.Answer.Action.REPLACE;
            case REFUSE -> Rewriter.Answer.Action.REFUSE;
        }, s.text);
    }

    @Override
    public String toString() {
        return "Analysis" + statements;
    }
}
