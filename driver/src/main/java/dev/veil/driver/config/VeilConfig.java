package dev.veil.driver.config;

import dev.veil.driver.VeilErrors;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Resolved {@code veil.*} settings of one connection. Precedence, highest first: URL parameters, connection
 * properties, environment variables ({@code VEIL_…}), defaults. Unknown {@code veil.*} keys and unreadable values are
 * errors naming the key; values are never echoed.
 */
public final class VeilConfig {

    /** Where a setting's value came from, for explain output and diagnostics. */
    public enum Source { URL, PROPERTY, ENVIRONMENT, DEFAULT }

    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, Source> sources;

    private VeilConfig(Map<Setting<?>, Object> values, Map<Setting<?>, Source> sources) {
        this.values = values;
        this.sources = sources;
    }

    public static VeilConfig defaults() {
        try {
            return resolve(Map.of(), new Properties(), Map.of());
        } catch (SQLException e) {
            throw new IllegalStateException("defaults must resolve", e);
        }
    }

    /**
     * @param fromUrl     {@code veil.*} parameters taken out of the URL
     * @param properties  connection properties; non-{@code veil.*} keys are ignored here
     * @param environment the process environment
     */
    public static VeilConfig resolve(Map<String, String> fromUrl, Properties properties,
                                     Map<String, String> environment) throws SQLException {
        Map<String, String> fromProperties = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (Settings.isVeilKey(key)) {
                fromProperties.put(key, properties.getProperty(key));
            }
        }
        checkKnown(fromUrl, "URL parameter");
        checkKnown(fromProperties, "connection property");

        Map<Setting<?>, Object> values = new HashMap<>();
        Map<Setting<?>, Source> sources = new HashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            String text;
            Source source;
            if (fromUrl.containsKey(setting.key())) {
                text = fromUrl.get(setting.key());
                source = Source.URL;
            } else if (fromProperties.containsKey(setting.key())) {
                text = fromProperties.get(setting.key());
                source = Source.PROPERTY;
            } else if (environment.containsKey(setting.environmentVariable())) {
                text = environment.get(setting.environmentVariable());
                source = Source.ENVIRONMENT;
            } else {
                values.put(setting, setting.defaultValue());
                sources.put(setting, Source.DEFAULT);
                continue;
            }
            values.put(setting, parse(setting, text, source));
            sources.put(setting, source);
        }
        return new VeilConfig(Map.copyOf(values), Map.copyOf(sources));
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    public Source sourceOf(Setting<?> setting) {
        return sources.get(setting);
    }

    private static void checkKnown(Map<String, String> given, String where) throws SQLException {
        for (String key : given.keySet()) {
            if (Settings.byKey(key).isEmpty()) {
                throw VeilErrors.configuration("unknown setting '" + key + "' (" + where + "); known settings: "
                        + String.join(", ", Settings.ALL.stream().map(Setting::key).sorted().toList()));
            }
        }
    }

    private static Object parse(Setting<?> setting, String text, Source source) throws SQLException {
        String origin = source == Source.ENVIRONMENT ? setting.environmentVariable() : setting.key();
        if (text == null) {
            throw VeilErrors.configuration("setting " + origin + " needs a value: " + setting.expected());
        }
        try {
            return setting.parse(text);
        } catch (IllegalArgumentException e) {
            throw VeilErrors.configuration("setting " + origin + " has an invalid value; expected "
                    + setting.expected());
        }
    }
}
