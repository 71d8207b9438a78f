package dev.veil.analyzer;

/** The broad kind of a statement. {@link #UNKNOWN} means the analyzer does not fully understand it. */
public enum StatementKind { QUERY, DML, DDL, DCL, TCL, UTILITY, UNKNOWN }
