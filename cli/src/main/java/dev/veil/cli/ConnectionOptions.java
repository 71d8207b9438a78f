package dev.veil.cli;

import dev.veil.driver.VeilErrors;
import dev.veil.driver.VeilUrl;
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
        if (user != null) {
            props.setProperty("user", user);
        }
        String secret = password != null ? new String(password)
                : ((VeilCli) command.root().userObject()).environment(VeilCli.PASSWORD_VARIABLE);
        if (secret != null) {
            props.setProperty("password", secret);
        }
        if (policy != null) {
            props.setProperty("veil.policy", policy.toString());
        }
        String policyFile = props.getProperty("veil.policy");
        if (policyFile != null) {
            checkPolicyFile(Path.of(policyFile));
        }
        return DriverManager.getConnection(VeilUrl.wrapping(url), props);
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
