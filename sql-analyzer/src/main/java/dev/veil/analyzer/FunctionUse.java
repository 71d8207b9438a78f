package dev.veil.analyzer;

/** A function called by a statement, its name as written (lower-cased) and its classification. */
public record FunctionUse(String name, FunctionCategory category) { }
