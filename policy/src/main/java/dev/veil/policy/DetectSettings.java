package dev.veil.policy;

/**
 * Which classification sources run besides explicit rules.
 *
 * @param names           built-in name heuristics
 * @param comments        column comment tags such as {@code veil:email}
 * @param sampleRows      rows sampled per table for content detectors; 0 turns sampling off
 * @param sampleThreshold share of non-null sampled values that must validate for a column to be classified
 */
public record DetectSettings(boolean names, boolean comments, int sampleRows, double sampleThreshold) {

    public static final double DEFAULT_THRESHOLD = 0.8;
    /**
     * Sampling is on by default: a column whose name says nothing (say {@code misc}) but which holds e-mail addresses
     * is then still masked. It costs one query per table and catalog version, when the table is first classified.
     */
    public static final int DEFAULT_SAMPLE_ROWS = 100;
    public static final int MAX_SAMPLE_ROWS = 100_000;

    public DetectSettings {
        if (sampleRows < 0 || sampleRows > MAX_SAMPLE_ROWS) {
            throw new IllegalArgumentException("sampleRows must be between 0 and " + MAX_SAMPLE_ROWS);
        }
        if (!(sampleThreshold > 0.0 && sampleThreshold <= 1.0)) {
            throw new IllegalArgumentException("sampleThreshold must be in (0, 1]");
        }
    }

    public static DetectSettings defaults() {
        return new DetectSettings(true, true, DEFAULT_SAMPLE_ROWS, DEFAULT_THRESHOLD);
    }

    public boolean sampling() {
        return sampleRows > 0;
    }
}
