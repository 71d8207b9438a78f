package dev.veil.driver.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@code veil.*} setting: its key, the environment variable that may supply it, its default and how its text is
 * read.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    private final String key;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final String expected;
    private final String description;

    Setting(String key, T defaultValue, Function<String, T> parser, String expected, String description) {
        this.key = Objects.requireNonNull(key);
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.expected = expected;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** {@code veil.approval.timeout} → {@code VEIL_APPROVAL_TIMEOUT}, {@code veil.allowUnwrap} → {@code
VEIL_ALLOW_UNWRAP}. */
    public String environmentVariable() {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** What a valid value looks like, for error messages and documentation. */
    public String expected() {
        return expected;
    }

    public String description() {
        return description;
    }

    /** Reads a textual value; throws {@link IllegalArgumentException} when it does not fit. */
    T parse(String text) {
        return parser.apply(text.trim());
    }

    @Override
    public String toString() {
        return key;
    }
}
