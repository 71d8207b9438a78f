package dev.veil.analyzer.internal.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.veil.analyzer.FunctionCategory;

/**
 * The built-in functions of a dialect with their classification, read from resource lists: those common to every
 * dialect and the dialect's own ({@code builtins-<dialect>.txt}).
 */
public final class Builtins {

    private static final String RESOURCES = "/dev/veil/analyzer/";

    /** Keywords that the parsers may present as column references but that are niladic built-in functions. */
    private static final Set<String> NILADIC = Set.of("current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp", "current_user", "session_user", "user", "current_role", "current_schema",
            "current_catalog", "system_user", "sysdate", "curdate", "utc_date", "utc_time", "utc_timestamp",
            "current_path", "unix_timestamp");

    private Builtins() { }

    /** The built-ins of one dialect by lower-case name; {@code dialect} names its list ({@code postgresql}, …). */
    public static Map<String, FunctionCategory> load(String dialect) {
        Map<String, FunctionCategory> m = new HashMap<>(read("builtins-common.txt"));
        m.putAll(read("builtins-" + dialect + ".txt"));
        return Map.copyOf(m);
    }

    public static boolean isNiladic(String name) {
        return NILADIC.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Map<String, FunctionCategory> read(String resource) {
        Map<String, FunctionCategory> m = new HashMap<>();
        try (InputStream in = Builtins.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] p = line.split("\\s+");
                m.put(p[0], switch (p[1]) {
                    case "scalar" -> FunctionCategory.SCALAR;
                    case "aggregate" -> FunctionCategory.AGGREGATE;
                    case "window" -> FunctionCategory.WINDOW;
                    case "reading" -> FunctionCategory.DATA_READING;
                    case "exporting" -> FunctionCategory.EXPORTING;
                    default -> throw new IllegalStateException("bad category in " + resource + ": " + line);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
