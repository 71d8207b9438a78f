package dev.veil.policy;

import java.util.Objects;

/**
 * An explicit classification from the policy's {@code columns} section.
 *
 * @param pattern the columns it applies to
 * @param classId the class, or {@link BuiltinClasses#NONE} for columns declared not sensitive
 */
public record ColumnRule(ColumnPattern pattern, String classId) {

    public ColumnRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(classId, "classId");
    }
}
