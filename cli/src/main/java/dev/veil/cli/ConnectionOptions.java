package dev.veil.cli;

import dev.veil.driver.config.VeilUrl;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.policy.Policy;
import dev.veil.policy.PolicyException;
import dev.veil.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a command connects: a Veil URL (a vendor URL is taken through Veil), credentials, policy and properties. */
final class ConnectionOptions {

    private static final String VEIL_SETTING = "veil.";

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "A jdbc:veil: URL, or a vendor URL to put behind Veil, e.g. jdbc:postgresql://db/app")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user")
    String user;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    // arity 0: the option never takes the next argument (the SQL) as its value; the password is typed at a prompt
    @Option(names = "--password", arity = "0", interactive = true, prompt = "Password: ",
            description = "Ask for the database password. Without this option it is read from "
                    + VeilCli.PASSWORD_VARIABLE + ", if that is set.")
    char[] password;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (sets veil.policy)")
    Path policy;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "Connection property, e.g. -p veil.hashKey=…")
    Map<String, String> properties = new LinkedHashMap<>();

    Connection open() throws SQLException {
        Properties props = new Properties();
        props.putAll(properties);
        credentials(props);
        if (policy != null) {
            props.setProperty("veil.policy", policy.toString());
        }
        String policyFile = props.getProperty("veil.policy");
        if (policyFile != null) {
            checkPolicyFile(Path.of(policyFile));
        }
        return DriverManager.getConnection(VeilUrl.wrapping(url), props);
    }

    /**
     * A connection through the vendor driver alone, for commands that read the catalog and samples as the driver
     * itself does (classify): the URL's and properties' Veil settings are left out.
     */
    Connection openVendor() throws SQLException {
        Properties props = new Properties();
        properties.forEach((key, value) -> {
            if (!key.startsWith(VEIL_SETTING)) {
                props.setProperty(key, value);
            }
        });
        credentials(props);
        return DriverManager.getConnection(vendorUrl(), props);
    }

    /** The vendor URL behind Veil's. */
    String vendorUrl() throws SQLException {
        return VeilUrl.parse(VeilUrl.wrapping(url)).targetUrl();
    }

    /**
     * The policy the driver would load: {@code --policy}, else {@code -p veil.policy=…}, else {@code VEIL_POLICY},
     * else the built-in one.
     */
    Policy policy() throws SQLException {
        String file = policy != null ? policy.toString() : properties.get("veil.policy");
        if (file == null) {
            file = root().environment("VEIL_POLICY");
        }
        if (file == null) {
            return Policy.defaults();
        }
        checkPolicyFile(Path.of(file));
        try {
            return PolicyLoader.load(Path.of(file));
        } catch (PolicyException e) {
            throw VeilErrors.configuration(e.getMessage(), e);
        }
    }

    private void credentials(Properties props) {
        if (user != null) {
            props.setProperty("user", user);
        }
        String secret = password != null ? new String(password) : root().environment(VeilCli.PASSWORD_VARIABLE);
        if (secret != null) {
            props.setProperty("password", secret);
        }
    }

    private VeilCli root() {
        return (VeilCli) command.root().userObject();
    }

    /** The driver names the setting, not the path; here the path is the user's own argument, so it is named. */
    private static void checkPolicyFile(Path file) throws SQLException {
        Path path = file.toAbsolutePath().normalize();
        String problem = !Files.exists(path) ? "does not exist"
                : !Files.isRegularFile(path) ? "is not a file"
                : !Files.isReadable(path) ? "cannot be read" : null;
        if (problem != null) {
            throw new SQLException("veil: the policy file " + path + " " + problem,
                    VeilErrors.CONFIGURATION_SQLSTATE, VeilErrors.CONFIGURATION_CODE);
        }
    }
}
