package dev.veil.analyzer.internal.escapes;

/** Thrown while translating JDBC escapes: the text is refused with this reason. */
public final class EscapeRefused extends RuntimeException {

    public EscapeRefused(String reason) {
        super(reason, null, false, false);
    }
}
