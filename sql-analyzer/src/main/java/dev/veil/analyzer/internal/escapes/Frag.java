package dev.veil.analyzer.internal.escapes;

import java.util.List;

/** Text and where each stretch of it came from. */
public final class Frag {

    /**
     * A stretch of translated text: {@code [start, end)} in the translated text came from {@code [oStart, oEnd)} in
     * the original. Copies are verbatim (offsets map one to one); replacements map only at the sides marked exact
     * ({@code oStart}/{@code oEnd} ≥ 0). A replacement by nothing (a deleted brace) has {@code start == end}.
     */
    public record Piece(int start, int end, int oStart, int oEnd, boolean copy) { }

    private final String text;
    private final List<Piece> pieces;

    Frag(String text, List<Piece> pieces) {
        this.text = text;
        this.pieces = pieces;
    }

    public static Frag identity(String original) {
        return new Frag(original, List.of(new Piece(0, original.length(), 0, original.length(), true)));
    }

    public String text() {
        return text;
    }

    public List<Piece> pieces() {
        return pieces;
    }

    public int length() {
        return text.length();
    }

    /** The original offset of the character at {@code i}, when it is a verbatim copy; else -1. */
    public int origAt(int i) {
        for (Piece p : pieces) {
            if (p.copy() && i >= p.start() && i < p.end()) return p.oStart() + (i - p.start());
        }
        return -1;
    }

    /**
     * Where a translated offset starts in the original; -1 when it is inside replaced text. {@code wide}: at the
     * start of a replacement, or after a deletion, it is where those start (a span then covers escape syntax).
     */
    public int mapStart(int s, boolean wide) {
        if (wide) {
            for (Piece p : pieces) {
                if (p.start() == s) return p.oStart();
                if (p.start() > s) break;
            }
        }
        for (Piece p : pieces) {
            if (p.start() == p.end() || s < p.start() || s >= p.end()) continue;
            if (p.copy()) return p.oStart() + (s - p.start());
            return s == p.start() ? p.oStart() : -1;
        }
        return s == text.length() ? lastEnd() : -1;
    }

    /** Where a translated end offset ends in the original; {@code wide} extends it over deletions that follow. */
    public int mapEnd(int e, boolean wide) {
        return wide ? mapEndWide(e)[0] : mapEndAt(e);
    }

    private int mapEndAt(int e) {
        for (Piece p : pieces) {
            if (p.start() == p.end() || e <= p.start() || e > p.end()) continue;
            return p.copy() ? p.oStart() + (e - p.start()) : e == p.end() ? p.oEnd() : -1;
        }
        if (e == 0 && !pieces.isEmpty()) return pieces.get(0).oStart();
        return -1;
    }

    /**
     * An end offset extended over the escape syntax that follows it (deleted braces, or braces the driver turns
     * into spaces): {original end, translated end}. Where a select item's alias goes.
     */
    public int[] mapEndWide(int e) {
        int k = -1;
        for (int j = 0; j < pieces.size(); j++) {
            Piece p = pieces.get(j);
            if (p.start() < e && e <= p.end()) {
                k = j;
                break;
            }
        }
        if (k < 0) return new int[] {-1, -1};
        Piece p = pieces.get(k);
        int r = p.copy() ? p.oStart() + (e - p.start()) : e == p.end() ? p.oEnd() : -1;
        int s = e;
        if (r < 0 || e < p.end()) return new int[] {r, s};
        // over whitespace and escape syntax, up to the last piece of syntax (a closing brace)
        for (int j = k + 1; j < pieces.size(); j++) {
            Piece q = pieces.get(j);
            boolean blank = text.substring(q.start(), q.end()).isBlank();
            if (!blank) break;
            if (!q.copy()) {
                if (q.oEnd() < 0) break;
                r = q.oEnd();
                s = q.end();
            }
        }
        return new int[] {r, s};
    }

    private int lastEnd() {
        return pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).oEnd();
    }

    public Frag slice(int from, int to) {
        FragBuilder b = new FragBuilder();
        b.add(this, from, to);
        return b.build();
    }
}
