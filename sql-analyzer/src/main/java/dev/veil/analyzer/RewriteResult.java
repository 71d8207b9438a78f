package dev.veil.analyzer;

import java.util.List;

/**
 * The outcome of {@link Analysis#rewrite}: the rewritten SQL, or why the analyzer will not produce it.
 *
 * @param sql      the rewritten SQL; null when refused
 * @param changed  whether any reference was replaced
 * @param refusal  why the rewrite was refused; null when it succeeded
 * @param splices  where the rewritten SQL differs from the executed text, in text order; null when that is not known
 *                 (a rewrite through JDBC escapes) or the rewrite was refused
 */
public record RewriteResult(String sql, boolean changed, String refusal, List<Splice> splices) {

    /** {@code [start, end)} of the executed text became {@code length} characters of the rewritten SQL. */
    public record Splice(int start, int end, int length) { }

    public RewriteResult(String sql, boolean changed, String refusal) {
        this(sql, changed, refusal, null);
    }

    public RewriteResult {
        splices = splices == null ? null : List.copyOf(splices);
    }

    static RewriteResult refused(String reason) {
        return new RewriteResult(null, false, reason);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
