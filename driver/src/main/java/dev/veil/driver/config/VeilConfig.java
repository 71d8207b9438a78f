package dev.veil.driver.config;

import dev.veil.driver.errors.VeilErrors;
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

    private final Map<Setting<?>, Object> values;

    private VeilConfig(Map<Setting<?>, Object> values) {
        this.values = values;
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
        for (Setting<?> setting : Settings.ALL) {
            String text;
            String givenAs; // an error names the key or variable as the user wrote it
            if (fromUrl.containsKey(setting.key())) {
                text = fromUrl.get(setting.key());
                givenAs = setting.key();
            } else if (fromProperties.containsKey(setting.key())) {
                text = fromProperties.get(setting.key());
                givenAs = setting.key();
            } else if (environment.containsKey(setting.environmentVariable())) {
                text = environment.get(setting.environmentVariable());
                givenAs = setting.environmentVariable();
            } else {
                values.put(setting, setting.defaultValue());
                continue;
            }
            values.put(setting, parse(setting, text, givenAs));
        }
        return new VeilConfig(Map.copyOf(values));
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    private static void checkKnown(Map<String, String> given, String where) throws SQLException {
        for (String key : given.keySet()) {
            if (Settings.byKey(key).isEmpty()) {
                throw VeilErrors.configuration("unknown setting '" + key + "' (" + where + "); known settings: "
                        + String.join(", ", Settings.ALL.stream().map(Setting::key).sorted().toList()));
            }
        }
    }

    private static Object parse(Setting<?> setting, String text, String givenAs) throws SQLException {
        if (text == null) {
            throw VeilErrors.configuration("setting " + givenAs + " needs a value: " + setting.expected());
        }
        try {
            return setting.parse(text);
        } catch (IllegalArgumentException e) {
            throw VeilErrors.configuration("setting " + givenAs + " has an invalid value; expected "
                    + setting.expected());
        }
    }
}
