package dev.veil.approval.server;

import dev.veil.approval.client.Requester;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Nobody approves their own request. A reviewer is taken to be the requester when any form of their identity
 * matches the requester's principal or JDBC user, ignoring case, where the forms of an e-mail address are the
 * address and its local part ({@code alice@example.com} also matches a JDBC user {@code alice}). This errs on the
 * side of refusing: another approver can always decide.
 */
public final class SelfApproval {

    private SelfApproval() {
    }

    public static boolean isSelf(String reviewerIdentity, Requester requester) {
        Set<String> reviewer = forms(reviewerIdentity);
        Set<String> requesterForms = new HashSet<>(forms(requester.principal()));
        requesterForms.addAll(forms(requester.jdbcUser()));
        reviewer.retainAll(requesterForms);
        return !reviewer.isEmpty();
    }

    private static Set<String> forms(String identity) {
        Set<String> forms = new HashSet<>();
        if (identity == null || identity.isBlank()) {
            return forms;
        }
        String normalized = identity.trim().toLowerCase(Locale.ROOT);
        forms.add(normalized);
        int at = normalized.indexOf('@');
        if (at > 0) {
            forms.add(normalized.substring(0, at));
        }
        return forms;
    }
}
