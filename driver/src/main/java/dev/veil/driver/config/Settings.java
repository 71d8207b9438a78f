package dev.veil.driver.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

    public static final Setting<Optional<Path>> POLICY = optionalPath("veil.policy",
            "Path of the policy file (YAML or JSON). Without one, the built-in policy applies: every built-in class,"
                    + " name heuristics and comment tags, nothing held for approval.");

    public static final Setting<Optional<String>> HASH_KEY = new Setting<>("veil.hashKey", Optional.empty(),
            nonEmpty(Optional::of), "a text of at least 16 bytes",
            "Key of the hash mask (keyed, deterministic). Required when the policy uses the hash mask. Secret: never"
                    + " appears in SQL text.");

    public static final Setting<Optional<Path>> AUDIT_FILE = optionalPath("veil.audit.file",
            "File to which one usage event per statement is appended as a JSON line. Off when unset.");

    public static final Setting<Optional<String>> REQUESTER = optionalText("veil.requester",
            "Who is asking, as usage events and approval reviewers see it (e.g. a person's or service's e-mail);"
                    + " the JDBC user when unset. Declared by the client: exemptions never rely on it.");

    public static final Setting<Duration> CATALOG_TTL = duration("veil.catalog.ttl", Duration.ofSeconds(60),
            "How long table and view definitions are cached before Veil reads them again (changes made through Veil"
                    + " are seen at once).");

    public static final Setting<Duration> CATALOG_CHECK = duration("veil.catalog.check", Duration.ofSeconds(1),
            "How long Veil trusts its cached definitions before it reads the database's schema fingerprint again, at"
                    + " the next statement (one query per database and process per interval, not per statement):"
                    + " the longest a change made by another process or client may go unseen. 0s checks before every"
                    + " statement.");

    public static final Setting<Optional<URI>> APPROVAL_URL = new Setting<>("veil.approval.url", Optional.empty(),
            nonEmpty(text -> Optional.of(httpUri(text))), "an http or https URL",
            "Base URL of the approval server; overrides the policy's approvals.server. Statements that need"
                    + " approval are refused when there is none.");

    public static final Setting<Optional<String>> APPROVAL_TOKEN = new Setting<>("veil.approval.token",
            Optional.empty(), nonEmpty(Optional::of), "a driver token of the approval server",
            "This driver's bearer token for the approval server (one of its tokens.drivers).");

    public static final Setting<Duration> APPROVAL_TIMEOUT = duration("veil.approval.timeout", Duration.ofMinutes(15),
            "The longest a statement waits for a reviewer's decision; a shorter query timeout wins.");

    public static final Setting<Boolean> AUDIT_SHIP = flag("veil.audit.ship", false,
            "Also send usage events to the approval server's audit log (batched, never blocking a statement).");

    public static final Setting<MetricsTarget> METRICS = new Setting<>("veil.metrics", MetricsTarget.NONE,
            MetricsTarget::parse, "none, micrometer, or host:port",
            "Where the driver's metrics go: none (default), micrometer (the application's Micrometer global"
                    + " registry), or host:port (a Prometheus endpoint at /metrics served by the driver; :port binds"
                    + " the loopback address).");

    public static final Setting<MaskingMode> MASKING = new Setting<>("veil.masking", MaskingMode.DATABASE,
            MaskingMode::parse, "database or driver",
            "Where plain top-level projections of sensitive text columns are masked. database (the default): in the"
                    + " SQL the database runs, so no raw value leaves it. driver: the database returns the raw value"
                    + " and Veil masks it as the row is read, which is faster; the raw value crosses the network to"
                    + " the application's process. Expressions, aggregates, predicates, writes and subqueries are"
                    + " masked in SQL in both modes.");

    public static final List<Setting<?>> ALL = List.of(TARGET_DRIVER, ALLOW_UNWRAP, POLICY, HASH_KEY, AUDIT_FILE,
            AUDIT_SHIP, REQUESTER, CATALOG_TTL, CATALOG_CHECK, APPROVAL_URL, APPROVAL_TOKEN, APPROVAL_TIMEOUT,
            METRICS, MASKING);

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
        return new Setting<>(key, defaultValue, Settings::parseFlag, "true or false", description);
    }

    private static Setting<Optional<String>> optionalText(String key, String description) {
        return new Setting<>(key, Optional.empty(), nonEmpty(Optional::of), "a non-empty text", description);
    }

    private static Setting<Optional<Path>> optionalPath(String key, String description) {
        return new Setting<>(key, Optional.empty(), nonEmpty(text -> Optional.of(Path.of(text))), "a file path",
                description);
    }

    private static URI httpUri(String text) {
        URI uri = URI.create(text);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return uri;
    }

    private static Setting<Duration> duration(String key, Duration defaultValue, String description) {
        return new Setting<>(key, defaultValue, Settings::parseDuration,
                "a duration such as 30s, 5m, 1h or 250ms", description);
    }

    /** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT5M}). */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
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
