package dev.veil.analyzer.internal.resolve;

import dev.veil.analyzer.Relation;

/** Resolves views from their definitions (cached, recursively up to a depth). */
public interface Views {

    ViewInfo resolve(Relation view, int depth);
}
