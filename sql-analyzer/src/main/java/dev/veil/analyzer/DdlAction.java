package dev.veil.analyzer;

import java.util.Locale;

/** What a DDL or DCL statement does to the schema; a policy's approval switches are keyed by it. */
public enum DdlAction {
    CREATE, ALTER, DROP, TRUNCATE, RENAME, COMMENT, GRANT, REVOKE;

    /** The action's name as a policy writes it: {@code create}, {@code alter}, … */
    public String policyKey() {
        return name().toLowerCase(Locale.ROOT);
    }
}
