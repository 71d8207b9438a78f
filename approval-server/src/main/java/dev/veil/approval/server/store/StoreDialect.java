package dev.veil.approval.server.store;

import java.util.Locale;

/** The few things that differ between the stores: H2 (one server) and PostgreSQL (production, several servers). */
public enum StoreDialect {
    H2("VARCHAR(1000000)", null, "CHECKPOINT SYNC"),
    POSTGRESQL("TEXT", "SELECT pg_advisory_xact_lock(7301207813)", null);

    private final String textType;
    private final String schemaLock;
    private final String syncStatement;

    StoreDialect(String textType, String schemaLock, String syncStatement) {
        this.textType = textType;
        this.schemaLock = schemaLock;
        this.syncStatement = syncStatement;
    }

    public static StoreDialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("the approval store must be H2 or PostgreSQL");
    }

    /** The column type for long text (request JSON, audit payloads). */
    String textType() {
        return textType;
    }

    /**
     * A statement that serializes schema creation across servers starting together, or {@code null} when only
     * one server can use the store.
     */
    String schemaLock() {
        return schemaLock;
    }

    /**
     * What forces committed transactions to disk after a commit, or {@code null} when the commit itself does
     * (PostgreSQL with {@code synchronous_commit = on}). H2's {@code CHECKPOINT SYNC} writes the MVStore's pending
     * changes to its file and fsyncs it.
     */
    String syncStatement() {
        return syncStatement;
    }
}
