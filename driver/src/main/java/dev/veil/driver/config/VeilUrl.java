package dev.veil.driver.config;

import dev.veil.driver.errors.VeilErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code jdbc:veil:} URL split into the vendor URL and Veil's own settings.
 *
 * <p>{@code jdbc:veil:postgresql://h/db?veil.policy=p.yaml&ssl=true} targets
 * {@code jdbc:postgresql://h/db?ssl=true}. Settings are taken out of query-style ({@code ?k=v&k=v}, values
 * percent-decoded) and semicolon-style ({@code ;k=v}, as in H2) parameters, so the vendor never sees them.
 *
 * @param targetUrl the vendor URL, {@code jdbc:} followed by what came after {@code jdbc:veil:}
 * @param settings  the {@code veil.*} parameters, in order of appearance
 */
public record VeilUrl(String targetUrl, Map<String, String> settings) {

    public static final String PREFIX = "jdbc:veil:";

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** The same database through Veil: {@code jdbc:x…} becomes {@code jdbc:veil:x…}; other text is left as it is. */
    public static String wrapping(String vendorUrl) {
        return vendorUrl != null && vendorUrl.startsWith("jdbc:") && !accepts(vendorUrl)
                ? PREFIX + vendorUrl.substring("jdbc:".length()) : vendorUrl;
    }

    public static VeilUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw VeilErrors.configuration("not a Veil URL: it must start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        if (rest.isEmpty()) {
            throw VeilErrors.configuration("the URL names no target database: use " + PREFIX
                    + "<vendor URL without jdbc:>, e.g. jdbc:veil:postgresql://host/db");
        }
        if (rest.startsWith("veil:")) {
            throw VeilErrors.configuration("a Veil URL cannot target another Veil URL");
        }
        if (rest.startsWith("jdbc:")) {
            String vendor = scheme(rest);
            throw VeilErrors.configuration("the URL has the jdbc: prefix twice: write " + PREFIX
                    + vendor.substring("jdbc:".length()) + "… (jdbc:veil: then the vendor URL without its jdbc:),"
                    + " not " + PREFIX + vendor + "…");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        StringBuilder target = new StringBuilder("jdbc:");
        boolean queryStartRemoved = false;
        for (Segment segment : segments(rest)) {
            if (segment.separator() == 0 || !Settings.isVeilKey(segment.text())) {
                char separator = segment.separator();
                // "?veil.x=1&ssl=true" must leave "?ssl=true", not "&ssl=true"
                if (queryStartRemoved && separator == '&') {
                    separator = '?';
                    queryStartRemoved = false;
                }
                if (separator != 0) {
                    target.append(separator);
                }
                target.append(segment.text());
                continue;
            }
            queryStartRemoved |= segment.separator() == '?';
            int eq = segment.text().indexOf('=');
            String key = eq < 0 ? segment.text() : segment.text().substring(0, eq);
            if (eq < 0) {
                throw VeilErrors.configuration("URL parameter " + key + " needs a value");
            }
            String raw = segment.text().substring(eq + 1);
            String value = segment.separator() == ';' ? raw : percentDecoded(key, raw);
            if (settings.put(key, value) != null) {
                throw VeilErrors.configuration("URL parameter " + key + " is given twice");
            }
        }
        for (String key : settings.keySet()) {
            if (!key.startsWith(Settings.PREFIX)) {
                throw VeilErrors.configuration("URL parameter " + key + " must be spelled in lower case '"
                        + Settings.PREFIX + "…'");
            }
        }
        return new VeilUrl(target.toString(), Map.copyOf(settings));
    }

    private static String percentDecoded(String key, String raw) throws SQLException {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw VeilErrors.configuration("URL parameter " + key + " has a malformed %-escape");
        }
    }

    /** Text between URL parameter separators; the first segment (no separator) is the URL's base. */
    private record Segment(char separator, String text) {
    }

    private static List<Segment> segments(String url) {
        List<Segment> segments = new ArrayList<>();
        char separator = 0;
        int start = 0;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '&' || c == ';') {
                segments.add(new Segment(separator, url.substring(start, i)));
                separator = c;
                start = i + 1;
            }
        }
        segments.add(new Segment(separator, url.substring(start)));
        return segments;
    }

    /** The vendor URL's scheme, e.g. {@code jdbc:postgresql:} — safe to show: carries no host, user or password. */
    public String targetScheme() {
        return scheme(targetUrl);
    }

    public static String scheme(String jdbcUrl) {
        int second = jdbcUrl.indexOf(':', "jdbc:".length());
        return second < 0 ? "jdbc:" : jdbcUrl.substring(0, second + 1);
    }
}
