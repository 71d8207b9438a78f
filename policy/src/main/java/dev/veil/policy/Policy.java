package dev.veil.policy;

import dev.veil.policy.mask.MaskKind;
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
 * @param trustedRoutines user-defined functions and procedures a DBA vouches for ({@code name} or
 *                    {@code schema.name}, lower case): statements may call them though Veil cannot see their code
 * @param untrusted   columns holding text written by outsiders (tickets, e-mails, reviews): once a session has read
 *                    one, its writes, exports and DDL wait for a reviewer, as the text may carry planted instructions
 */
public record Policy(int version, Map<String, SensitiveClass> classes, List<ColumnRule> columns,
                     DetectSettings detect, Set<String> exemptUsers, ApprovalSettings approvals,
                     Set<String> trustedRoutines, List<ColumnPattern> untrusted) {

    public static final int CURRENT_VERSION = 1;

    public Policy {
        classes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        columns = List.copyOf(columns);
        Objects.requireNonNull(detect, "detect");
        exemptUsers = Set.copyOf(exemptUsers);
        Objects.requireNonNull(approvals, "approvals");
        trustedRoutines = Set.copyOf(trustedRoutines);
        untrusted = List.copyOf(untrusted);
        for (ColumnRule rule : columns) {
            if (!rule.classId().equals(BuiltinClasses.NONE) && !classes.containsKey(rule.classId())) {
                throw new IllegalArgumentException("rule " + rule.pattern() + " names unknown class "
                        + rule.classId());
            }
        }
    }

    /** A policy without untrusted columns. */
    public Policy(int version, Map<String, SensitiveClass> classes, List<ColumnRule> columns, DetectSettings detect,
                  Set<String> exemptUsers, ApprovalSettings approvals, Set<String> trustedRoutines) {
        this(version, classes, columns, detect, exemptUsers, approvals, trustedRoutines, List.of());
    }

    /** Whether {@code column} holds untrusted text (the policy's {@code untrusted} patterns). */
    public boolean isUntrusted(ColumnInfo column) {
        for (ColumnPattern pattern : untrusted) {
            if (pattern.matches(column)) {
                return true;
            }
        }
        return false;
    }

    /**
     * All built-in classes, name heuristics and comment tags on, sampling off, no explicit rules, nobody exempt,
     * nothing held for approval (the workflow is opt-in), statements the analyzer cannot read rejected.
     */
    public static Policy defaults() {
        return new Policy(CURRENT_VERSION, BuiltinClasses.all(), List.of(), DetectSettings.defaults(), Set.of(),
                ApprovalSettings.none(), Set.of());
    }

    public Optional<SensitiveClass> sensitiveClass(String id) {
        return Optional.ofNullable(classes.get(id));
    }

    /** Whether {@code user} sees raw values. */
    public boolean isExempt(String user) {
        return user != null && exemptUsers.contains(user);
    }

    /**
     * Whether a routine is trusted: {@code schema.name} matches an entry naming it with or without its schema, and a
     * name written without schema matches an entry without one. Case-insensitive.
     */
    public boolean isTrustedRoutine(String schema, String name) {
        if (name == null) {
            return false;
        }
        String bare = name.toLowerCase(java.util.Locale.ROOT);
        if (schema == null) {
            return trustedRoutines.contains(bare);
        }
        return trustedRoutines.contains(bare) || trustedRoutines.contains(schema.toLowerCase(java.util.Locale.ROOT)
                + "." + bare);
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
