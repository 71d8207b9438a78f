package dev.veil.policy;

import java.net.URI;
import java.util.Objects;

/**
 * The {@code approvals} section: which statements are held for a DBA's approval. Model only; the driver and the
 * approval server give it behaviour.
 *
 * @param server          base URL of the approval server, or null (then it must come from driver settings; without
 *                        one, statements that need approval are refused)
 * @param ddl             which DDL needs approval
 * @param exportRows      queries estimated to return more rows need approval; 0 turns the check off
 * @param writeRows       DML estimated to change more rows needs approval; 0 turns the check off
 * @param dmlWithoutWhere UPDATE and DELETE without WHERE need approval
 * @param exports         COPY, SELECT ... INTO OUTFILE, SCRIPT and similar need approval
 * @param onUnknown       what happens to statements the analyzer cannot read
 */
public record ApprovalSettings(URI server, Ddl ddl, long exportRows, long writeRows, boolean dmlWithoutWhere,
                               boolean exports, OnUnknown onUnknown) {

    public static final long DEFAULT_EXPORT_ROWS = 100_000;
    public static final long DEFAULT_WRITE_ROWS = 10_000;

    /** What to do with a statement Veil cannot analyze. */
    public enum OnUnknown {
        /** Refuse it (fail closed). */
        REJECT,
        /** Hold it for approval. */
        APPROVE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** DDL kinds that need approval. */
    public record Ddl(boolean create, boolean alter, boolean drop, boolean truncate, boolean rename, boolean comment,
                      boolean grant, boolean revoke) {

        public static Ddl all() {
            return new Ddl(true, true, true, true, true, true, true, true);
        }
    }

    public ApprovalSettings {
        Objects.requireNonNull(ddl, "ddl");
        Objects.requireNonNull(onUnknown, "onUnknown");
        if (exportRows < 0 || writeRows < 0) {
            throw new IllegalArgumentException("row limits must not be negative");
        }
    }

    /**
     * Nothing waits for approval; statements the analyzer cannot read are rejected. What a policy without an
     * {@code approvals} section gets: the approval workflow is opt-in, since it needs an approval server.
     */
    public static ApprovalSettings none() {
        return new ApprovalSettings(null, new Ddl(false, false, false, false, false, false, false, false), 0, 0,
                false, false, OnUnknown.REJECT);
    }

    /**
     * The values of fields an {@code approvals} section leaves out: every DDL kind, exports and unbounded DML need
     * approval; 100,000 rows read, 10,000 written; unknown rejected.
     */
    public static ApprovalSettings defaults() {
        return new ApprovalSettings(null, Ddl.all(), DEFAULT_EXPORT_ROWS, DEFAULT_WRITE_ROWS, true, true,
                OnUnknown.REJECT);
    }
}
