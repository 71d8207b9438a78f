package dev.veil.approval.server.cli;

import dev.veil.approval.server.audit.AuditChain;
import dev.veil.approval.server.audit.AuditReport;
import dev.veil.approval.server.audit.AuditVerifier;
import dev.veil.approval.server.config.ConfigException;
import dev.veil.approval.server.config.ConfigLoader;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veil audit verify}: walks the hash chain of the audit log and reports every record that was edited,
 * deleted, reordered or cut off.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the hash chain of the approval audit log.",
                "Prints the head (SEQ:HASH) of an intact log: keep it elsewhere and pass it as --anchor later to"
                        + " detect truncation or a rewrite of everything up to it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the log is intact", "1:the log was tampered with", "2:the log could not be read"})
public final class AuditVerifyCommand implements Callable<Integer> {

    static final String STORE_PASSWORD_VARIABLE = "VEIL_STORE_PASSWORD";
    static final String AUDIT_KEY_VARIABLE = "VEIL_AUDIT_KEY";

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--config", paramLabel = "FILE",
                description = "The server configuration: its store and audit key are used.")
        Path config;

        @Option(names = "--store", paramLabel = "JDBC_URL",
                description = "The store's JDBC URL; the password is read from " + STORE_PASSWORD_VARIABLE
                        + " and the audit key, if any, from " + AUDIT_KEY_VARIABLE + ".")
        String storeUrl;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--user", paramLabel = "USER", description = "The store's user, with --store.")
    String user = "";

    @Option(names = "--anchor", paramLabel = "SEQ:HASH",
            description = "A record written down earlier (from a previous run); it must still be there, unchanged.")
    String anchor;

    /** Environment lookups; replaced in tests. */
    Function<String, String> environment = System::getenv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuditVerifier.Anchor parsedAnchor = null;
        if (anchor != null) {
            try {
                parsedAnchor = AuditVerifier.Anchor.parse(anchor);
            } catch (IllegalArgumentException e) {
                err.println("veil: --anchor: " + e.getMessage());
                return 2;
            }
        }
        String url;
        String storeUser;
        String password;
        String key;
        if (source.config != null) {
            ServerConfig config;
            try {
                config = new ConfigLoader(environment).load(source.config);
            } catch (ConfigException e) {
                err.println("veil: " + e.getMessage());
                return 2;
            }
            url = config.store().url();
            storeUser = config.store().user();
            password = config.store().password();
            key = config.audit().key();
        } else {
            url = source.storeUrl;
            storeUser = user;
            password = orEmpty(environment.apply(STORE_PASSWORD_VARIABLE));
            key = environment.apply(AUDIT_KEY_VARIABLE);
        }
        AuditChain chain;
        AuditReport report;
        try (Database database = Database.openExisting(url, storeUser, password)) {
            chain = new AuditChain(key);
            AuditVerifier verifier = new AuditVerifier(chain);
            AuditVerifier.Anchor checkedAnchor = parsedAnchor;
            report = database.snapshot(connection -> verifier.verify(connection, checkedAnchor));
        } catch (RuntimeException e) {
            err.println("veil: the audit log cannot be read: " + e.getMessage());
            return 2;
        }
        if (report.intact()) {
            out.println("veil: audit log intact: " + report.records() + " records"
                    + (chain.keyed() ? " (HMAC-SHA256 chain)" : " (unkeyed SHA-256 chain)"));
            out.println("head " + report.lastSeq() + ":" + report.lastHash());
            out.flush();
            return 0;
        }
        err.println("veil: audit log TAMPERED or INCOMPLETE: " + report.problems().size()
                + (report.problemsTruncated() ? "+" : "") + " problem(s) in " + report.records() + " records");
        for (AuditReport.Problem problem : report.problems()) {
            err.println("  " + problem.kind() + ": " + problem.message());
        }
        err.flush();
        return 1;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
