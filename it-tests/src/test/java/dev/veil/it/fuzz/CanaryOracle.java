package dev.veil.it.fuzz;

import dev.veil.it.fuzz.Canaries.Canary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core oracle: searches what a statement showed the caller for canaries. A text canary is found by any fragment
 * of four characters that includes a character its mask hides, at least three canary letters (so that a fragment
 * such as {@code k":"} cannot match ordinary JSON) and no space (so that {@code th s} cannot match English) — as
 * stored, upper- or lower-cased, reversed — in the
 * text itself and in what the text decodes to: hex (UTF-8 or UTF-16), base64 (any alignment, MIME line breaks
 * allowed), and runs of character codes ({@code 113,122,…} or one code per row). Numbers and dates are found whole,
 * digests (MD5, SHA-1, SHA-256) of whole text canaries too. Decoded texts count only when they are mostly printable,
 * so random bytes decoded from a hash cannot fake a hit.
 */
final class CanaryOracle {

    /** A fragment found: which canary, how it was encoded, where, and the fragment as it appeared. */
    record Hit(String canary, String encoding, String where, String fragment, int textHash) {
        /**
         * The route: result, generated keys, refusal, error, warning — prefixed {@code readback} when it came from a
         * {@code then:} statement, suffixed {@code cause} when it was in an exception's cause chain.
         */
        String route() {
            String body = where.startsWith("readback") ? where.substring(where.indexOf(':') + 1) : where;
            String base = "other";
            for (String r : List.of("generated keys", "refusal", "error", "warning", "result")) {
                if (body.contains(r)) {
                    base = r;
                    break;
                }
            }
            return (where.startsWith("readback") ? "readback " : "") + base
                    + (where.contains("→ cause") || where.contains("→ next") ? " chain" : "");
        }

        /** The canary's column (table.column). */
        String column() {
            return canary.substring(0, canary.indexOf(' '));
        }

        /** The canary's label without digest or variant suffixes: {@code table.column (id n)}. */
        String canaryLabel() {
            int close = canary.indexOf(')');
            return close < 0 ? canary : canary.substring(0, close + 1);
        }
    }

    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-fA-F]{8,}");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{8,}={0,2}");
    private static final Pattern CODE_RUN = Pattern.compile("(?<![0-9.])(?:\\d{2,3}[^0-9A-Za-z]{1,3}){3,}\\d{2,3}");

    private final Map<String, String> grams = new HashMap<>();
    private final Map<String, String> wholes = new LinkedHashMap<>();

    CanaryOracle(List<Canary> canaries) {
        for (Canary k : canaries) {
            switch (k.kind()) {
                case TEXT -> {
                    String v = k.value();
                    for (int i = 0; i + 4 <= v.length(); i++) {
                        String g = v.substring(i, i + 4);
                        if (k.hidden().get(i, i + 4).isEmpty() || letters(g) < 3 || g.contains(" ")) {
                            continue;
                        }
                        for (String form : List.of(g, g.toLowerCase(Locale.ROOT), g.toUpperCase(Locale.ROOT))) {
                            grams.putIfAbsent(form, k.label());
                            grams.putIfAbsent(new StringBuilder(form).reverse().toString(), k.label() + " reversed");
                        }
                    }
                    for (String algorithm : List.of("MD5", "SHA-1", "SHA-256")) {
                        wholes.put(HexFormat.of().formatHex(digest(algorithm, v)), k.label() + " " + algorithm);
                    }
                }
                case NUMBER -> {
                    wholes.put(k.value(), k.label());
                    wholes.put(new StringBuilder(k.value()).reverse().toString(), k.label() + " reversed");
                }
                case DATE -> {
                    wholes.put(k.value(), k.label());
                    wholes.put(k.value().replace("-", ""), k.label() + " without separators");
                }
            }
        }
    }

    /** Canary-alphabet letters in a fragment: fragments of mostly punctuation would match ordinary text. */
    private static int letters(String g) {
        int n = 0;
        for (char ch : g.toCharArray()) {
            if (Canaries.ALPHABET.indexOf(Character.toLowerCase(ch)) >= 0) {
                n++;
            }
        }
        return n;
    }

    List<Hit> scan(Observation o) {
        List<Hit> hits = new ArrayList<>();
        for (Observation.Text t : o.texts) {
            scan(t.where(), t.text(), hits);
        }
        return hits;
    }

    void scan(String where, String text, List<Hit> hits) {
        grams(where, text, "as is", hits);
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : wholes.entrySet()) {
            if (lower.contains(e.getKey())) {
                hits.add(new Hit(e.getValue(), "whole value", where, e.getKey(), text.hashCode()));
            }
        }
        if (text.length() < 8) {
            return;
        }
        Matcher hex = HEX_RUN.matcher(text);
        while (hex.find()) {
            String run = hex.group();
            for (int offset = 0; offset < 2; offset++) {
                String even = run.substring(offset, offset + ((run.length() - offset) / 2) * 2);
                decoded(where, HexFormat.of().parseHex(even.toLowerCase(Locale.ROOT)), "hex", hits);
            }
        }
        Matcher b64 = BASE64_RUN.matcher(text.replace("\r", "").replace("\n", ""));
        while (b64.find()) {
            String run = b64.group().replace('-', '+').replace('_', '/');
            String bare = run.replace("=", "");
            for (int offset = 0; offset < 4 && bare.length() - offset >= 8; offset++) {
                String aligned = bare.substring(offset);
                aligned = aligned.substring(0, (aligned.length() / 4) * 4);
                try {
                    decoded(where, Base64.getDecoder().decode(aligned), "base64", hits);
                } catch (IllegalArgumentException ignored) {
                    // not base64 at this alignment
                }
            }
        }
        Matcher codes = CODE_RUN.matcher(text);
        while (codes.find()) {
            StringBuilder b = new StringBuilder();
            for (String n : codes.group().split("[^0-9]+")) {
                if (!n.isEmpty()) {
                    int code = Integer.parseInt(n);
                    b.append(code >= 32 && code <= 126 ? (char) code : '\u0000');
                }
            }
            grams(where, b.toString(), "character codes", hits);
        }
    }

    private void decoded(String where, byte[] bytes, String encoding, List<Hit> hits) {
        String utf8 = new String(bytes, StandardCharsets.ISO_8859_1).replace("\u0000", "");
        int printable = 0;
        for (char ch : utf8.toCharArray()) {
            if (ch >= 32 && ch < 127) {
                printable++;
            }
        }
        if (utf8.length() >= 4 && printable >= 0.85 * utf8.length()) {
            grams(where, utf8, encoding, hits);
        }
    }

    private void grams(String where, String text, String encoding, List<Hit> hits) {
        for (int i = 0; i + 4 <= text.length(); i++) {
            String label = grams.get(text.substring(i, i + 4));
            if (label != null) {
                hits.add(new Hit(label.replace(" reversed", ""), encoding + (label.endsWith(" reversed")
                        ? ", reversed" : ""), where, text.substring(i, i + 4), text.hashCode()));
                return; // one hit per text and encoding is enough
            }
        }
    }

    private static byte[] digest(String algorithm, String value) {
        try {
            return MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
