package dev.veil.policy.mask;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The mask functions, with the value families each one applies to. */
public enum MaskKind {
    /** A constant of the column's type. */
    REDACT(EnumSet.allOf(ValueType.class)),
    /** NULL of the column's type. */
    NULL(EnumSet.allOf(ValueType.class)),
    /** Keeps the first/last characters and pads the rest. */
    PARTIAL(EnumSet.of(ValueType.STRING)),
    /** First character of the local part, then {@code ***@} and the domain. */
    EMAIL(EnumSet.of(ValueType.STRING)),
    /** Keyed HMAC-SHA256, deterministic so that masked columns still join. */
    HASH(EnumSet.of(ValueType.STRING, ValueType.INTEGER, ValueType.BINARY)),
    /** Dates and timestamps to the first day (first instant) of their year. */
    YEAR(EnumSet.of(ValueType.DATE, ValueType.TIMESTAMP)),
    /** Numbers to the nearest multiple of a step, ties away from zero. */
    ROUND(EnumSet.of(ValueType.INTEGER, ValueType.DECIMAL, ValueType.FLOATING));

    private final Set<ValueType> appliesTo;

    MaskKind(Set<ValueType> appliesTo) {
        this.appliesTo = appliesTo;
    }

    public boolean appliesTo(ValueType type) {
        return appliesTo.contains(type);
    }

    /** The name used in policy files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MaskKind fromId(String id) {
        for (MaskKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        return null;
    }
}
