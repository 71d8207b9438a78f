package dev.veil.it.tpch;

import dev.veil.policy.Policy;
import dev.veil.policy.PolicyException;
import dev.veil.policy.PolicyLoader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The policy files of the TPC-H tests, in {@code tpch/} on the test class path. */
final class TpchPolicies {

    private TpchPolicies() {
    }

    static Path path(String name) {
        URL url = TpchPolicies.class.getResource("/tpch/" + name);
        if (url == null) {
            throw new IllegalStateException("missing /tpch/" + name);
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Policy load(String name) {
        try {
            return PolicyLoader.load(path(name));
        } catch (PolicyException e) {
            throw new IllegalStateException(e);
        }
    }
}
