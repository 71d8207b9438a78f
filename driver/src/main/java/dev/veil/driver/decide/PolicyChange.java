package dev.veil.driver.decide;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * How to proceed after a refusal the policy caused: the policy change (or the approval) that would allow the
 * statement, phrased with the policy's own keys. One place phrases them, so every refusal says it the same way. A
 * hint names a choice the policy's owner can make; it never weakens anything by itself.
 */
final class PolicyChange {

    private static final String EXEMPT = "list the user under exempt.users (who then sees raw values, audited)";

    private PolicyChange() {
    }

    /** A predicate on a class whose predicates are denied. */
    static String allowPredicates(Collection<String> classes) {
        String keys = classes.stream().distinct().map(c -> "classes." + c + ".predicates")
                .collect(Collectors.joining(", "));
        return "; to allow it, set " + keys + " to masked (compares masked values) or allow (compares whole raw"
                + " values) in the policy, or " + EXEMPT + ", or filter on a column that is not sensitive";
    }

    /** An expression over a part of a value under {@code predicates: allow}. */
    static String wholeValuesOnly() {
        return "; compare the whole value instead, or " + EXEMPT;
    }

    /** A statement only an exempt user may run. */
    static String exemptOnly() {
        return "; to allow it, " + EXEMPT;
    }

    /** A statement a reviewer could approve, if the policy let it wait for one. */
    static String approvalOrExempt(String approvalKey) {
        return "; to allow it, set " + approvalKey + ": true in the policy so that a reviewer can approve it, or "
                + EXEMPT;
    }

    /** A call of a routine whose code Veil cannot see. */
    static String trustRoutine(String routine) {
        return "; if a DBA vouches for its code, add it to routines.trusted in the policy (routines: { trusted: ["
                + routine + "] })";
    }
}
