package dev.veil.approval.server;

import dev.veil.approval.server.config.ServerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may decide a request, by the approver group it is routed to. A new request goes to the first configured
 * group; an escalation routes it to another. Without configured groups there is one group, {@value #EVERY_APPROVER},
 * and whoever the way of deciding accepts as an approver (a Slack approver, a reviewer token, a signed-in reviewer)
 * is in it.
 */
public final class ApproverGroups {

    /** The one group when none is configured. */
    public static final String EVERY_APPROVER = "approvers";

    private final Map<String, Set<String>> members = new LinkedHashMap<>();

    public ApproverGroups(List<ServerConfig.ApproverGroup> groups) {
        for (ServerConfig.ApproverGroup group : groups) {
            members.put(group.name(), group.members().stream().map(ApproverGroups::normalized)
                    .collect(Collectors.toUnmodifiableSet()));
        }
    }

    public static ApproverGroups none() {
        return new ApproverGroups(List.of());
    }

    /** Whether groups are configured (otherwise every approver is in the one group). */
    public boolean configured() {
        return !members.isEmpty();
    }

    /** The group new requests are routed to. */
    public String initial() {
        return configured() ? members.keySet().iterator().next() : EVERY_APPROVER;
    }

    public List<String> names() {
        return configured() ? List.copyOf(members.keySet()) : List.of(EVERY_APPROVER);
    }

    public boolean exists(String group) {
        return names().contains(group);
    }

    /** Whether {@code identity} may decide requests routed to {@code group}. */
    public boolean isMember(String identity, String group) {
        if (!configured()) {
            return EVERY_APPROVER.equals(group);
        }
        Set<String> of = members.get(group);
        return of != null && identity != null && of.contains(normalized(identity));
    }

    /** Whether {@code identity} is in any group (without configured groups: never, nobody is named). */
    public boolean namesMember(String identity) {
        return identity != null && members.values().stream().anyMatch(m -> m.contains(normalized(identity)));
    }

    /** The group after {@code group} in the configured order: where the Slack card's Escalate button sends it. */
    public Optional<String> after(String group) {
        List<String> names = names();
        int at = names.indexOf(group);
        return at >= 0 && at + 1 < names.size() ? Optional.of(names.get(at + 1)) : Optional.empty();
    }

    private static String normalized(String identity) {
        return identity.trim().toLowerCase(Locale.ROOT);
    }
}
