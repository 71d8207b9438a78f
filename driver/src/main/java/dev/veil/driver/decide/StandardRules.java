package dev.veil.driver.decide;

import java.util.List;

/**
 * The rules of the decide stage, in order (how they pass over each statement: {@link DecisionRule}). The first that
 * refuses names itself in the message ({@code rule: …}); a later hold for approval replaces an earlier one. Rules that
 * protect values — all but the text's, the session's and the system objects' rules, and the approvals — do not apply
 * to exempt principals, who see raw values.
 */
public final class StandardRules {

    private StandardRules() {
    }

    public static List<DecisionRule> create() {
        return List.of(
                new OnUnknownRule(),            // onUnknown: a text Veil cannot read is refused or held, first
                new MultiStatementRule(),       // multi-statement: schema and session changes come last
                new ReservedNamesRule(),        // reserved-names: Veil's own session state
                new SessionSettingsRule(),      // session-settings: only harmless settings
                new SystemObjectsRule(),        // system-objects: other sessions' statements, column statistics
                new ExportsRule(),              // exports, or held under approvals.exports
                new SessionVariablesRule(),     // session-variables: values carried between statements
                new OpaqueCodeRule(),           // opaque-code: routines, code, files, dynamic SQL Veil cannot see
                new SensitiveReferencesRule(),  // predicates: …, whole-row: each reference to a sensitive column
                new WriteFlowRule(),            // write-masked, predicates: deny: values written to sensitive columns
                new NewColumnClassRule(),       // predicates: deny: a new column no one but the exempt could write
                new DdlApprovalRule(),          // held under approvals.ddl.*
                new DmlWithoutWhereRule(),      // held under approvals.dmlWithoutWhere
                new ExplainedWriteRule(),       // EXPLAIN ANALYZE of a write: held as writes are
                new UntrustedWriteRule(),       // held under untrusted.writeAfterRead, after an untrusted read
                new DdlOnSensitiveRule());      // ddl-on-sensitive: unless held for approval or exempt
    }
}
