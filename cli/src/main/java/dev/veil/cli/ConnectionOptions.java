package dev.veil.cli;

import dev.veil.driver.config.VeilUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** How a command connects: a Veil URL (a vendor URL is taken through Veil), credentials, policy and properties. */
final class ConnectionOptions {

    @Option(names = "--url", required = true,
            description = "A jdbc:veil: URL, or a vendor URL to put behind Veil, e.g. jdbc:postgresql://db/app")
    String url;

    @Option(names = "--user", description = "Database user")
    String user;

    @Option(names = "--password", description = "Database password (prompted when given without a value)",
            interactive = true, arity = "0..1")
    String password;

    @Option(names = "--policy", description = "Policy file (sets veil.policy)")
    String policy;

    @Option(names = {"-p", "--property"}, description = "Connection property, e.g. -p veil.hashKey=…")
    Map<String, String> properties = new LinkedHashMap<>();

    Connection open() throws SQLException {
        Properties props = new Properties();
        props.putAll(properties);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (policy != null) {
            props.setProperty("veil.policy", policy);
        }
        return DriverManager.getConnection(VeilUrl.wrapping(url), props);
    }
}
