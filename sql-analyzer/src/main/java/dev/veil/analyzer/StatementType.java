package dev.veil.analyzer;

import java.util.Optional;

/**
 * The finer type of a statement, with the facts a caller needs about it. A statement the analyzer does not
 * understand keeps the type its leading keyword names (COPY, DO, PREPARE, …), or {@link #OTHER}.
 *
 * <p>The kind of a particular statement is {@link StatementAnalysis#kind()}: {@link #defaultKind()} is what the type
 * usually is (an EXPLAIN ANALYZE of a write is DML, anything not understood is UNKNOWN).
 */
public enum StatementType {
    // ---- queries
    SELECT(StatementKind.QUERY),
    /** The JDBC escape {@code {? = call f(…)}}, analyzed as {@code SELECT f(…)}. */
    CALL_FUNCTION(StatementKind.QUERY),
    /** MariaDB {@code SELECT … INTO OUTFILE/DUMPFILE} (an EXPORT hazard). */
    SELECT_INTO_OUTFILE(StatementKind.QUERY),

    // ---- writes
    INSERT(StatementKind.DML, true),
    UPDATE(StatementKind.DML, true),
    DELETE(StatementKind.DML, true),
    MERGE(StatementKind.DML, true),
    /** MariaDB REPLACE: an insert that may first delete the conflicting rows. */
    REPLACE(StatementKind.DML, true),
    /** MariaDB {@code REPLACE … SET}. */
    REPLACE_SET(StatementKind.DML, true),
    /** An upsert the parser reads as such (H2 {@code MERGE INTO … KEY}). */
    UPSERT(StatementKind.DML, true),
    INSERT_OR_ABORT(StatementKind.DML, true),
    INSERT_OR_FAIL(StatementKind.DML, true),
    INSERT_OR_IGNORE(StatementKind.DML, true),
    INSERT_OR_REPLACE(StatementKind.DML, true),
    INSERT_OR_ROLLBACK(StatementKind.DML, true),

    // ---- DDL
    CREATE_TABLE(DdlAction.CREATE),
    CREATE_TABLE_AS(DdlAction.CREATE),
    /** {@code SELECT … INTO table}: creates a table from a query. */
    SELECT_INTO(DdlAction.CREATE),
    CREATE_VIEW(DdlAction.CREATE),
    CREATE_MATERIALIZED_VIEW(DdlAction.CREATE),
    CREATE_INDEX(DdlAction.CREATE),
    CREATE_SCHEMA(DdlAction.CREATE),
    CREATE_DATABASE(DdlAction.CREATE),
    CREATE_SEQUENCE(DdlAction.CREATE),
    CREATE_TYPE(DdlAction.CREATE),
    CREATE_DOMAIN(DdlAction.CREATE),
    /** CREATE of an object the analyzer does not classify (a function, a trigger, …). */
    CREATE(DdlAction.CREATE),
    ALTER(DdlAction.ALTER),
    ALTER_VIEW(DdlAction.ALTER),
    ALTER_TABLE(DdlAction.ALTER),
    ALTER_INDEX(DdlAction.ALTER),
    ALTER_SEQUENCE(DdlAction.ALTER),
    ALTER_TYPE(DdlAction.ALTER),
    ALTER_DOMAIN(DdlAction.ALTER),
    DROP(DdlAction.DROP),
    TRUNCATE(DdlAction.TRUNCATE),
    /** MariaDB {@code RENAME TABLE a TO b}. */
    RENAME_TABLE(DdlAction.RENAME),
    /** RENAME of anything else. */
    RENAME(DdlAction.RENAME),
    COMMENT(DdlAction.COMMENT),

    // ---- privileges
    GRANT(DdlAction.GRANT),
    REVOKE(DdlAction.REVOKE),

    // ---- transaction control (see StatementAnalysis.transactionEffect())
    BEGIN(StatementKind.TCL),
    START(StatementKind.TCL),
    COMMIT(StatementKind.TCL),
    END(StatementKind.TCL),
    ABORT(StatementKind.TCL),
    ROLLBACK(StatementKind.TCL),
    SAVEPOINT(StatementKind.TCL),
    RELEASE(StatementKind.TCL),

    // ---- session and utility statements
    /** Sets session settings or variables (see StatementAnalysis.settings()). */
    SET(StatementKind.UTILITY, false, true),
    RESET(StatementKind.UTILITY, false, true),
    /** Changes the current database (MariaDB). */
    USE(StatementKind.UTILITY, false, true),
    SHOW(StatementKind.UTILITY),
    /** DESCRIBE, and SHOW COLUMNS. */
    DESCRIBE(StatementKind.UTILITY),
    EXPLAIN(StatementKind.UTILITY),
    /** {@code CALL p(…)} and the JDBC escape {@code {call p(…)}} (a CALL hazard). */
    CALL(StatementKind.UTILITY),
    EXECUTE(StatementKind.UTILITY),

    // ---- statements never understood: named so that a policy can still route them by type
    COPY(StatementKind.UNKNOWN),
    DO(StatementKind.UNKNOWN),
    PREPARE(StatementKind.UNKNOWN),
    DEALLOCATE(StatementKind.UNKNOWN),
    EXEC(StatementKind.UNKNOWN),
    DECLARE(StatementKind.UNKNOWN),
    FETCH(StatementKind.UNKNOWN),
    MOVE(StatementKind.UNKNOWN),
    CLOSE(StatementKind.UNKNOWN),
    OPEN(StatementKind.UNKNOWN),
    HANDLER(StatementKind.UNKNOWN),
    LOAD(StatementKind.UNKNOWN),
    SCRIPT(StatementKind.UNKNOWN),
    RUNSCRIPT(StatementKind.UNKNOWN),
    BACKUP(StatementKind.UNKNOWN),
    LOCK(StatementKind.UNKNOWN),
    UNLOCK(StatementKind.UNKNOWN),
    ANALYZE(StatementKind.UNKNOWN),
    VACUUM(StatementKind.UNKNOWN),
    WITH(StatementKind.UNKNOWN),
    VALUES(StatementKind.UNKNOWN),
    TABLE(StatementKind.UNKNOWN),

    /** A statement whose leading keyword is none of the above, or that has none. */
    OTHER(StatementKind.UNKNOWN);

    private final StatementKind defaultKind;
    private final DdlAction ddlAction;
    private final boolean writes;
    private final boolean changesSession;

    StatementType(StatementKind defaultKind) {
        this(defaultKind, false, false);
    }

    StatementType(StatementKind defaultKind, boolean writes) {
        this(defaultKind, writes, false);
    }

    StatementType(StatementKind defaultKind, boolean writes, boolean changesSession) {
        this.defaultKind = defaultKind;
        this.ddlAction = null;
        this.writes = writes;
        this.changesSession = changesSession;
    }

    StatementType(DdlAction action) {
        this.defaultKind = action == DdlAction.GRANT || action == DdlAction.REVOKE ? StatementKind.DCL
                : StatementKind.DDL;
        this.ddlAction = action;
        this.writes = false;
        this.changesSession = false;
    }

    /** The kind a statement of this type has when the analyzer understands it. */
    public StatementKind defaultKind() {
        return defaultKind;
    }

    /** What a DDL or DCL statement of this type does to the schema; empty for other types. */
    public Optional<DdlAction> ddlAction() {
        return Optional.ofNullable(ddlAction);
    }

    /** Whether the statement writes rows of tables (INSERT, UPDATE, DELETE, MERGE, REPLACE, upserts). */
    public boolean writes() {
        return writes;
    }

    /**
     * Whether the statement changes the session state later statements are read under: settings and variables
     * (SET, RESET) or the current database (USE).
     */
    public boolean changesSession() {
        return changesSession;
    }

    /** The type's name for messages: {@code CREATE_TABLE}, {@code SELECT}, … */
    public String label() {
        return name();
    }
}
