package dev.veil.policy.classify;

import java.util.Objects;

/**
 * Why a column is sensitive.
 *
 * @param classId  the class
 * @param source   which source decided
 * @param evidence what it saw: the rule pattern, the comment tag, the matched name tokens, or the detector and
 *                 "k of n samples matched"
 */
public record Classification(String classId, Source source, String evidence) {

    /** Classification sources, strongest first. */
    public enum Source { RULE, COMMENT, NAME, SAMPLE }

    public Classification {
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public String toString() {
        return classId + " (" + source.name().toLowerCase(java.util.Locale.ROOT) + ": " + evidence + ")";
    }
}
