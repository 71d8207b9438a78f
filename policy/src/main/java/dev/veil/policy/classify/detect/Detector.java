package dev.veil.policy.classify.detect;

/** A content detector: decides whether one sampled value is an instance of a class, with a real validator. */
public interface Detector {

    /** Stable id used in evidence, e.g. {@code luhn-card}. */
    String id();

    /** The class a column gets when most of its samples validate. */
    String classId();

    /** Whether {@code value} validates. Never throws; values that are not text are given as their string form. */
    boolean matches(String value);
}
