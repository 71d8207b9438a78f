package dev.veil.analyzer.internal.escapes;

import java.util.List;

/** The text the server runs (canonical for call escapes), its map to the original, and the call escapes. */
public record Translation(Frag frag, List<CallEscape> calls) {
    public String text() {
        return frag.text();
    }

    public boolean identity() {
        return frag.pieces().size() == 1 && frag.pieces().get(0).copy() && frag.pieces().get(0).oStart() == 0;
    }
}
