package dev.veil.policy;

/** What happens when a statement uses a classified column in a predicate (WHERE, JOIN, GROUP BY, ORDER BY...). */
public enum PredicateMode {
    /** The statement is refused: predicates could probe raw values one guess at a time. */
    DENY,
    /** The predicate is evaluated on the masked value. */
    MASKED,
    /** The predicate is evaluated on the raw value; only the result columns are masked. */
    ALLOW;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
