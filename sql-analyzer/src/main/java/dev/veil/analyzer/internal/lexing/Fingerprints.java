package dev.veil.analyzer.internal.lexing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.veil.analyzer.Fingerprint;

/** Computes statement fingerprints from the lexer's tokens: literals become {@code ?}, comments disappear. */
public final class Fingerprints {

    private Fingerprints() { }

    public static Fingerprint of(String text, List<SqlLexer.Tok> tokens) {
        if (tokens.isEmpty()) {
            // the text could not be lexed: nothing in it can be told apart from a literal, so nothing of it is shown
            String normalized = "<unparsed " + text.length() + " chars>";
            return new Fingerprint(normalized, sha256(text), normalized);
        }
        StringBuilder norm = new StringBuilder();
        StringBuilder red = new StringBuilder();
        int from = tokens.get(0).start;
        int last = from;
        for (SqlLexer.Tok t : tokens) {
            red.append(text, last, t.start);
            last = t.end;
            switch (t.kind) {
                case COMMENT, EXEC_MARKER -> red.append(' ');
                case STRING, NUMBER -> red.append('?');
                default -> red.append(text, t.start, t.end);
            }
            String w = word(text, t);
            if (w != null) {
                if (norm.length() > 0) norm.append(' ');
                norm.append(w);
            }
        }
        String normalized = norm.toString();
        return new Fingerprint(normalized, sha256(normalized), red.toString().strip().replaceAll("\\s+", " "));
    }

    /**
     * A significant token as the normalized text writes it: literals as {@code ?}, unquoted words and variables
     * lower-cased, everything else (quoted identifiers, operators) as written; null for comments and
     * executable-comment markers.
     */
    public static String word(String text, SqlLexer.Tok t) {
        return switch (t.kind) {
            case COMMENT, EXEC_MARKER -> null;
            case STRING, NUMBER, PARAM -> "?";
            case WORD, VARIABLE -> t.value.toLowerCase(Locale.ROOT);
            default -> text.substring(t.start, t.end);
        };
    }

    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
