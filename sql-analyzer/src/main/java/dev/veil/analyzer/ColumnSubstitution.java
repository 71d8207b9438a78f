package dev.veil.analyzer;

/**
 * Decides, for every column reference of a statement, whether the rewrite keeps it or replaces it. Called once per
 * occurrence, in text order; must not return null.
 */
@FunctionalInterface
public interface ColumnSubstitution {
    Substitution substitute(ColumnReference reference);
}
