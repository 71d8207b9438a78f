package dev.veil.analyzer;

/** Something a statement does that moves data outside the analysis of its columns. */
public record Hazard(Kind kind, String detail) {

    public enum Kind {
        /** Writes data out of the database: COPY … TO, INTO OUTFILE/DUMPFILE, H2 SCRIPT, CSVWRITE, lo_export. */
        EXPORT,
        /** Reads or writes server files: COPY … FROM, LOAD DATA, LOAD_FILE, pg_read_file, FILE_READ, CSVREAD,
RUNSCRIPT. */
        FILE_ACCESS,
        /** Runs SQL text given as a value, or reaches other databases: PREPARE/EXECUTE, query_to_xml, dblink,
LINK_SCHEMA. */
        DYNAMIC_SQL,
        /** Runs procedural code: DO blocks, CREATE FUNCTION/PROCEDURE/TRIGGER bodies. */
        CODE_BLOCK,
        /** Calls a stored procedure. */
        CALL,
        /** Declares, fetches from or opens a cursor or handler (DECLARE CURSOR, FETCH, MariaDB HANDLER). */
        CURSOR,
        /**
         * Reads a system relation (pg_catalog, information_schema, performance_schema, …). The relation is in
         * {@link StatementAnalysis#tablesRead()} with its schema: which system relations may be read is the caller's
         * decision, per engine.
         */
        SYSTEM_RELATION,
        /**
         * Calls a system function, or runs a SHOW, that exposes other sessions' statements, settings or column
         * statistics ({@code pg_stat_get_activity}, {@code SHOW PROCESSLIST}).
         */
        LEAKY_SYSTEM_OBJECT,
        /**
         * Creates an object that reads another database through a connection of its own: H2
         * {@code CREATE LINKED TABLE}.
         */
        FOREIGN_DATA,
        /** Reads or writes session/user variables or settings, which carry values between statements. */
        SESSION_VARIABLE,
        /** References a setting or variable whose name starts with {@code veil} (reserved by Veil). */
        RESERVED_NAME
    }
}
