package dev.veil.analyzer;

/** How the analyzer classifies a called function. */
public enum FunctionCategory {
    /** A built-in computing a value from its arguments only. */
    SCALAR,
    AGGREGATE,
    WINDOW,
    /** A built-in that reads data beyond its arguments: other tables, files, settings, other databases. */
    DATA_READING,
    /** A built-in that writes files or runs SQL given as text (exports, dynamic SQL). */
    EXPORTING,
    /** Defined in the database by a user: its body is not analyzed. */
    USER_DEFINED,
    /** Not a known built-in of the dialect and not known to the catalog. */
    UNKNOWN
}
