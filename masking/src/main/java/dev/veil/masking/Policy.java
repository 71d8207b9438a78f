package dev.veil.masking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is sensitive and how it is masked: classes, explicit column rules, detection settings, exempt principals
 * and approval settings. Immutable; load one with {@link PolicyLoader}.
 *
 * @param version     the policy format version (1)
 * @param classes     every class by id: the built-in ones, overridden or extended by the policy
 * @param columns     explicit rules, in file order; the first match wins
 * @param detect      detection settings
 * @param exemptUsers principals who see raw values (case-sensitive, exact)
 * @param approvals   approval settings
 */
public record Policy(int version, Map<String, SensitiveClass> classes, List<ColumnRule> columns,
                     DetectSettings detect, Set<String> exemptUsers, ApprovalSettings approvals) {

    public static final int CURRENT_VERSION = 1;

    public Policy {
        classes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        columns = List.copyOf(columns);
        Objects.requireNonNull(detect, "detect");
        exemptUsers = Set.copyOf(exemptUsers);
        Objects.requireNonNull(approvals, "approvals");
        for (ColumnRule rule : columns) {
            if (!rule.classId().equals(BuiltinClasses.NONE) && !classes.containsKey(rule.classId())) {
                throw new IllegalArgumentException("rule " + rule.pattern() + " names unknown class "
                        + rule.classId());
            }
        }
    }

    /**
     * All built-in classes, name heuristics and comment tags on, sampling off, no explicit rules, nobody exempt,
     * nothing held for approval (the workflow is opt-in), statements the analyzer cannot read rejected.
     */
    public static Policy defaults() {
        return new Policy(CURRENT_VERSION, BuiltinClasses.all(), List.of(), DetectSettings.defaults(), Set.of(),
                ApprovalSettings.none());
    }

    public Optional<SensitiveClass> sensitiveClass(String id) {
        return Optional.ofNullable(classes.get(id));
    }

    /** Whether {@code user} sees raw values. */
    public boolean isExempt(String user) {
        return user != null && exemptUsers.contains(user);
    }

    /** Ids of the classes whose mask is {@code hash}: a policy with any needs a hash key. */
    public List<String> classesUsingHash() {
        List<String> ids = new ArrayList<>();
        for (SensitiveClass c : classes.values()) {
            if (c.mask().kind() == MaskKind.HASH) {
                ids.add(c.id());
            }
        }
        return ids;
    }

    public boolean requiresHashKey() {
        return !classesUsingHash().isEmpty();
    }

    /** The classes map as ids in order, for messages. */
    static String knownClasses(Map<String, ?> classes) {
        return String.join(", ", new java.util.TreeSet<>(classes.keySet()));
    }
}
