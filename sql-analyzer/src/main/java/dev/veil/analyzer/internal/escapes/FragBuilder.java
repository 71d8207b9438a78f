package dev.veil.analyzer.internal.escapes;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Frag} from copies of other fragments and replacements. */
public final class FragBuilder {

    private final StringBuilder text = new StringBuilder();
    private final List<Frag.Piece> pieces = new ArrayList<>();

    /** Appends {@code [from, to)} of {@code f} with its origin. */
    public FragBuilder add(Frag f, int from, int to) {
        if (from >= to) return this;
        for (Frag.Piece p : f.pieces()) {
            int a = Math.max(from, p.start());
            int z = Math.min(to, p.end());
            if (p.start() == p.end()) {
                // a deletion belongs to the character it precedes (or to the end of the text)
                if (p.start() >= from && (p.start() < to || p.start() == to && to == f.text().length())) {
                    piece(0, p.oStart(), p.oEnd(), false);
                }
                continue;
            }
            if (a >= z) continue;
            if (p.copy()) {
                piece(z - a, p.oStart() + (a - p.start()), p.oStart() + (z - p.start()), true);
            } else {
                piece(z - a, a == p.start() ? p.oStart() : -1, z == p.end() ? p.oEnd() : -1, false);
            }
        }
        text.append(f.text(), from, to);
        return this;
    }

    public FragBuilder add(Frag f) {
        for (Frag.Piece p : f.pieces()) piece(p.end() - p.start(), p.oStart(), p.oEnd(), p.copy());
        text.append(f.text());
        return this;
    }

    /** Appends {@code s} standing for original text {@code [oStart, oEnd)} (-1 where a side is not exact). */
    public FragBuilder synth(String s, int oStart, int oEnd) {
        piece(s.length(), oStart, oEnd, false);
        text.append(s);
        return this;
    }

    private void piece(int length, int oStart, int oEnd, boolean copy) {
        int start = pieceEnd();
        if (copy && !pieces.isEmpty()) {
            Frag.Piece last = pieces.get(pieces.size() - 1);
            if (last.copy() && last.oEnd() == oStart && last.end() == start) {
                pieces.set(pieces.size() - 1, new Frag.Piece(last.start(), start + length, last.oStart(), oEnd, true));
                return;
            }
        }
        pieces.add(new Frag.Piece(start, start + length, oStart, oEnd, copy));
    }

    private int pieceEnd() {
        return pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).end();
    }

    public Frag build() {
        return new Frag(text.toString(), List.copyOf(pieces));
    }
}
