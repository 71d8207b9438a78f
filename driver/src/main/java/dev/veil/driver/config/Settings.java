package dev.veil.driver.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every {@code veil.*} setting the driver understands. A key not listed here is a configuration error. */
public final class Settings {

    public static final String PREFIX = "veil.";

    public static final Setting<Optional<String>> TARGET_DRIVER = optionalText("veil.targetDriver",
            "Class name of the vendor driver to use, for class loaders that hide it from DriverManager and"
                    + " ServiceLoader. By default the driver accepting the target URL is found automatically.");

    public static final Setting<Boolean> ALLOW_UNWRAP = flag("veil.allowUnwrap", false,
            "Permit unwrap() to the vendor's connection, statement or result set. Off by default: the vendor object"
                    + " bypasses every control of Veil (e.g. PostgreSQL's CopyManager).");

    public static final List<Setting<?>> ALL = List.of(TARGET_DRIVER, ALLOW_UNWRAP);

    private static final Map<String, Setting<?>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Setting::key, s -> s));

    private Settings() {
    }

    public static Optional<Setting<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    public static boolean isVeilKey(String key) {
        return key.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    private static Setting<Boolean> flag(String key, boolean defaultValue, String description) {
        return new Setting<>(key, defaultValue, Settings::parseFlag, "true or false", false, description);
    }

    private static Setting<Optional<String>> optionalText(String key, String description) {
        return new Setting<>(key, Optional.empty(), nonEmpty(Optional::of), "a non-empty text", false,
                description);
    }

    private static <T> Function<String, T> nonEmpty(Function<String, T> then) {
        return text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return then.apply(text);
        };
    }

    private static boolean parseFlag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a flag");
        };
    }
}
