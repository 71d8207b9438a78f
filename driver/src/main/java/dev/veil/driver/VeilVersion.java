package dev.veil.driver;

/** Veil's version, as reported by the driver and its metadata. */
final class VeilVersion {

    static final int MAJOR = 0;
    static final int MINOR = 1;

    private VeilVersion() {
    }
}
