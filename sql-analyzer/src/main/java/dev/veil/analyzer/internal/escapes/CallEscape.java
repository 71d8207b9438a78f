package dev.veil.analyzer.internal.escapes;

/** A call escape found at the start of a statement; offsets in the original text. */
public record CallEscape(int open, int close, CallKind kind) { }
