package dev.veil.analyzer;

/**
 * The outcome of {@link Analysis#rewrite}: the rewritten SQL, or why the analyzer will not produce it.
 *
 * @param sql      the rewritten SQL; null when refused
 * @param changed  whether any reference was replaced
 * @param refusal  why the rewrite was refused; null when it succeeded
 */
public record RewriteResult(String sql, boolean changed, String refusal) {

    static RewriteResult refused(String reason) {
        return new RewriteResult(null, false, reason);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
