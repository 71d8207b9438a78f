package dev.veil.cli;

import dev.veil.approval.server.config.ConfigException;
import dev.veil.approval.server.config.ConfigLoader;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the approval server keeps its audit log: its configuration file, or the store's JDBC URL. */
final class AuditStoreOptions {

    /** The store's password with {@code --store}, as {@code veil audit verify} reads it. */
    static final String STORE_PASSWORD_VARIABLE = "VEIL_STORE_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    // not an exclusive argument group: picocli takes no mixin inside one, and usage report offers files instead
    @Option(names = "--config", paramLabel = "FILE", description = "The approval server's configuration: its"
            + " store is read")
    Path config;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The approval store's JDBC URL; the"
            + " password is read from " + STORE_PASSWORD_VARIABLE)
    String storeUrl;

    @Option(names = {"--store-user", "--user"}, paramLabel = "USER", description = "The store's user, with --store")
    String user = "";

    /** The store, opened read-only in spirit: nothing is created when it does not exist. */
    /** Whether the command line names the store. */
    boolean given() {
        return config != null || storeUrl != null;
    }

    Database open() throws Unusable {
        if (config != null && storeUrl != null) {
            throw new Unusable("veil: name the audit log's store once: --config FILE or --store JDBC_URL");
        }
        if (!given()) {
            throw new Unusable("veil: name the audit log's store: --config FILE (the approval server's"
                    + " configuration) or --store JDBC_URL");
        }
        VeilCli root = (VeilCli) command.root().userObject();
        String url;
        String storeUser;
        String password;
        if (config != null) {
            ServerConfig server;
            try {
                server = new ConfigLoader(root::environment).load(config);
            } catch (ConfigException e) {
                throw new Unusable("veil: " + e.getMessage());
            }
            url = server.store().url();
            storeUser = server.store().user();
            password = server.store().password();
        } else {
            url = storeUrl;
            storeUser = user;
            String variable = root.environment(STORE_PASSWORD_VARIABLE);
            password = variable == null ? "" : variable;
        }
        try {
            return Database.openExisting(url, storeUser, password);
        } catch (RuntimeException e) {
            throw new Unusable("veil: the audit log cannot be read: " + e.getMessage());
        }
    }

    /** A store that cannot be opened; the message says why. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }
}
