package dev.veil.analyzer.internal.resolve;

/** Thrown for anything not resolved exactly; the message names the construct, never a data value. */
public final class Unsupported extends RuntimeException {

    public Unsupported(String reason) {
        super(reason, null, false, false);
    }
}
