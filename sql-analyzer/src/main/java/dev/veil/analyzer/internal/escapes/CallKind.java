package dev.veil.analyzer.internal.escapes;

/** A statement-level JDBC call escape: {@code {call p(…)}} or {@code {? = call f(…)}}. */
public enum CallKind { CALL, CALL_FUNCTION }
