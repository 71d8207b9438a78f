package dev.veil.driver.config;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the driver's metrics go ({@code veil.metrics}): nowhere (the default, and then nothing is counted), the
 * application's own Micrometer global registry, or a Prometheus endpoint the driver serves at {@code /metrics}.
 *
 * @param global   record into Micrometer's global registry of the application
 * @param endpoint the address of the Prometheus endpoint, when the driver serves one
 */
public record MetricsTarget(boolean global, Optional<InetSocketAddress> endpoint) {

    public static final MetricsTarget NONE = new MetricsTarget(false, Optional.empty());

    public boolean enabled() {
        return global || endpoint.isPresent();
    }

    /** {@code none}, {@code micrometer}, {@code host:port} or {@code :port} (loopback). */
    public static MetricsTarget parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (t.toLowerCase(Locale.ROOT).equals("micrometer")) {
            return new MetricsTarget(true, Optional.empty());
        }
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected none, micrometer or host:port");
        }
        String host = colon == 0 ? "127.0.0.1" : t.substring(0, colon);
        int port = Integer.parseInt(t.substring(colon + 1));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return new MetricsTarget(false, Optional.of(new InetSocketAddress(host, port)));
    }
}
