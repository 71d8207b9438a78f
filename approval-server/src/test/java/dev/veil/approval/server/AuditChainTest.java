package dev.veil.approval.server;

import static dev.veil.approval.server.TestSetup.DRIVER_TOKEN;
import static dev.veil.approval.server.TestSetup.REVIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.client.ApprovalJson;
import dev.veil.approval.server.audit.AuditChain;
import dev.veil.approval.server.audit.AuditReport;
import dev.veil.approval.server.audit.AuditVerifier;
import dev.veil.approval.server.cli.AuditCommand;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The audit log: what real flows record, and that every kind of tampering is caught. */
@Timeout(60)
class AuditChainTest {

    private static final ObjectMapper JSON = ApprovalJson.mapper(false);

    @TempDir
    Path dir;

    /** Runs a few real flows through the API, then stops the server; returns its configuration. */
    private ServerConfig recordSomeHistory(String auditKey) throws Exception {
        ServerConfig base = TestSetup.config(dir, null, Duration.ofHours(1));
        ServerConfig config = new ServerConfig(base.listen(), base.store(), base.requests(), base.tokens(), null,
                new ServerConfig.Audit(auditKey));
        try (ApprovalServer server = ApprovalServer.start(config)) {
            RawApi api = new RawApi(server.baseUrl());
            String first = RawApi.json(api.post("api/v1/requests", DRIVER_TOKEN,
                    JSON.writeValueAsString(TestSetup.dropTable("alice@example.com")))).path("id").asText();
            api.post("api/v1/requests/" + first + "/approve", REVIEWER_TOKEN, null);
            api.post("api/v1/requests/" + first + "/outcome", DRIVER_TOKEN, "{\"executed\":true,\"rowCount\":0}");
            String second = RawApi.json(api.post("api/v1/requests", DRIVER_TOKEN, JSON.writeValueAsString(
                    TestSetup.request("erin@example.com", "fp-2", "DELETE FROM sales.orders")))).path("id").asText();
            api.post("api/v1/requests/" + second + "/reject", REVIEWER_TOKEN, "{\"reason\":\"needs a WHERE\"}");
            assertThat(api.post("api/v1/usage-events", DRIVER_TOKEN,
                    "{\"events\":[{\"kind\":\"query\",\"masked\":2},{\"kind\":\"query\",\"masked\":0}]}")
                    .statusCode()).isEqualTo(202);
        }
        return config;
    }

    private AuditReport verify(ServerConfig config, AuditVerifier.Anchor anchor) {
        try (Database database = Database.openExisting(config.store().url(), config.store().user(),
                config.store().password())) {
            AuditVerifier verifier = new AuditVerifier(new AuditChain(config.audit().key()));
            return database.transaction(connection -> verifier.verify(connection, anchor));
        }
    }

    private static void tamper(ServerConfig config, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.store().url(), config.store().user(),
                config.store().password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    private static String query(ServerConfig config, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.store().url(), config.store().user(),
                config.store().password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aRecordHashesToTheSameValueEveryRelease() {
        // fixed vectors: a change here would make every existing audit log read as tampered
        String requestId = "req_" + "ab".repeat(16);
        String key = "audit-key-0123456789abcdef";

        assertThat(new AuditChain(null).hash(7, 1_700_000_000_000L, "REQUEST_CREATED", requestId, "etl",
                "{\"x\":1}", AuditChain.GENESIS))
                .isEqualTo("6fcb616adc9e0b22f31b70bd800ac92a962d7839e5ceff8e008c3ad3f1310f29");
        AuditChain keyed = new AuditChain(key);
        assertThat(keyed.hash(7, 1_700_000_000_000L, "REQUEST_CREATED", requestId, "etl", "{\"x\":1}",
                AuditChain.GENESIS)).isEqualTo("0c53a58a0a294bcfcece9fa50e9a498c9c509dca8d24c52b59fdb4144a2b0979");
        assertThat(keyed.hash(8, 1_700_000_000_001L, "USAGE_EVENT", null, "etl", "{}", "f".repeat(64)))
                .isEqualTo("28b2063ed06c99739ee28832c916e1cf29f8aa2b56ae76de25ea57b4d814c67e");
    }

    @Test
    void realFlowsLeaveAnIntactChainOfEveryEvent() throws Exception {
        ServerConfig config = recordSomeHistory(null);

        AuditReport report = verify(config, null);

        assertThat(report.intact()).as(report.problems().toString()).isTrue();
        // created, approved, outcome, created, rejected, two usage events
        assertThat(report.records()).isEqualTo(7);
        assertThat(report.lastSeq()).isEqualTo(7);
        assertThat(query(config, "SELECT LISTAGG(record_type, ',') WITHIN GROUP (ORDER BY seq)"
                + " FROM veil_audit_record")).isEqualTo("REQUEST_CREATED,REQUEST_APPROVED,EXECUTION_OUTCOME,"
                + "REQUEST_CREATED,REQUEST_REJECTED,USAGE_EVENT,USAGE_EVENT");
        assertThat(query(config, "SELECT payload FROM veil_audit_record WHERE seq = 5"))
                .contains("carol@example.com", "needs a WHERE");
        assertThat(query(config, "SELECT actor FROM veil_audit_record WHERE seq = 2")).isEqualTo("carol@example.com");
    }

    @Test
    void anEditedRecordIsCaught() throws Exception {
        ServerConfig config = recordSomeHistory(null);
        tamper(config, "UPDATE veil_audit_record SET payload = REPLACE(payload, 'needs a WHERE', 'fine')"
                + " WHERE seq = 5");

        AuditReport report = verify(config, null);

        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).extracting(AuditReport.Problem::seq, AuditReport.Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, AuditReport.Kind.EDITED));
    }

    @Test
    void anEditedAndRehashedRecordBreaksTheLinkToTheNext() throws Exception {
        ServerConfig config = recordSomeHistory(null);
        rewriteRecordTwoWithRecomputedHash(config, new AuditChain(null));

        AuditReport report = verify(config, null);

        assertThat(report.problems()).extracting(AuditReport.Problem::seq, AuditReport.Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, AuditReport.Kind.BROKEN_LINK));
    }

    @Test
    void withAnAuditKeyARecomputedHashDoesNotPass() throws Exception {
        ServerConfig config = recordSomeHistory("audit-key-0123456789abcdef");
        AuditReport clean = verify(config, null);
        assertThat(clean.intact()).isTrue();

        // the attacker can write to the store but does not hold the key
        rewriteRecordTwoWithRecomputedHash(config, new AuditChain("a-guess-at-the-key-00000"));

        assertThat(verify(config, null).problems()).extracting(AuditReport.Problem::seq, AuditReport.Problem::kind)
                .contains(org.assertj.core.groups.Tuple.tuple(2L, AuditReport.Kind.EDITED));
    }

    private static void rewriteRecordTwoWithRecomputedHash(ServerConfig config, AuditChain attackersChain)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.store().url(), config.store().user(),
                config.store().password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT seq, recorded_at, record_type, request_id, payload,"
                     + " prev_hash FROM veil_audit_record WHERE seq = 2")) {
            rs.next();
            String forgedActor = "mallory@example.com";
            String hash = attackersChain.hash(2, rs.getLong(2), rs.getString(3), rs.getString(4), forgedActor,
                    rs.getString(5), rs.getString(6));
            try (Statement update = connection.createStatement()) {
                update.executeUpdate("UPDATE veil_audit_record SET actor = '" + forgedActor + "', hash = '" + hash
                        + "' WHERE seq = 2");
            }
        }
    }

    @Test
    void aDeletedRecordIsCaught() throws Exception {
        ServerConfig config = recordSomeHistory(null);
        tamper(config, "DELETE FROM veil_audit_record WHERE seq = 4");

        AuditReport report = verify(config, null);

        // the gap in the chain, and the request whose record it was no longer agrees with the table
        assertThat(report.problems()).extracting(AuditReport.Problem::kind).containsExactly(AuditReport.Kind.MISSING,
                AuditReport.Kind.STATE_MISMATCH);
        assertThat(report.problems().get(0).message()).contains("record 4 is missing");
    }

    @Test
    void reorderedRecordsAreCaught() throws Exception {
        ServerConfig config = recordSomeHistory(null);
        tamper(config,
                "UPDATE veil_audit_record SET seq = -1 WHERE seq = 4",
                "UPDATE veil_audit_record SET seq = 4 WHERE seq = 5",
                "UPDATE veil_audit_record SET seq = 5 WHERE seq = -1");

        AuditReport report = verify(config, null);

        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).extracting(AuditReport.Problem::seq).contains(4L, 5L);
    }

    @Test
    void cuttingOffTheTailIsCaughtByTheHeadAndRewritingTheHeadByAnAnchor() throws Exception {
        ServerConfig config = recordSomeHistory(null);
        AuditReport before = verify(config, null);
        AuditVerifier.Anchor anchor = new AuditVerifier.Anchor(before.lastSeq(), before.lastHash());

        tamper(config, "DELETE FROM veil_audit_record WHERE seq >= 6");
        AuditReport cut = verify(config, null);
        assertThat(cut.problems()).extracting(AuditReport.Problem::kind).containsExactly(AuditReport.Kind.TRUNCATED);
        assertThat(cut.problems().get(0).message()).contains("records 6 to 7 are missing");

        String newLast = query(config, "SELECT hash FROM veil_audit_record WHERE seq = 5");
        tamper(config, "UPDATE veil_audit_head SET seq = 5, hash = '" + newLast + "' WHERE id = 1");
        assertThat(verify(config, null).intact()).as("a consistent truncation passes without an anchor").isTrue();
        assertThat(verify(config, anchor).problems()).extracting(AuditReport.Problem::kind)
                .containsExactly(AuditReport.Kind.ANCHOR_MISMATCH);
    }

    @Test
    void concurrentAppendsNeverForkTheChain() throws Exception {
        ServerConfig config = TestSetup.config(dir, null, Duration.ofHours(1));
        try (ApprovalServer server = ApprovalServer.start(config)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int batch = i;
                done.add(pool.submit(() -> server.service().recordUsage("etl",
                        List.of(Map.of("batch", batch, "n", 1), Map.of("batch", batch, "n", 2)), null)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
        }
        AuditReport report = verify(config, null);
        assertThat(report.intact()).as(report.problems().toString()).isTrue();
        assertThat(report.records()).isEqualTo(80);
    }

    @Test
    void theVerifyCommandReportsIntactTamperedAndMissingLogsWithDistinctExitCodes() throws Exception {
        ServerConfig config = recordSomeHistory(null);
        Path configFile = dir.resolve("server.yaml");
        Files.writeString(configFile, """
                store:
                  url: "%s"
                  user: sa
                tokens:
                  drivers: [{name: etl, token: "driver-token-etl-0123456789"}]
                  reviewers: [{identity: carol@example.com, token: "reviewer-token-carol-0123456789"}]
                """.formatted(config.store().url()));

        Run intact = run("audit", "verify", "--config", configFile.toString());
        assertThat(intact.exit()).isZero();
        assertThat(intact.out()).contains("audit log intact: 7 records (unkeyed SHA-256 chain)")
                .containsPattern("head 7:[0-9a-f]{64}");

        Run anchored = run("audit", "verify", "--store", config.store().url(), "--user", "sa", "--anchor",
                intact.out().replaceAll("(?s).*head (\\d+:[0-9a-f]{64}).*", "$1"));
        assertThat(anchored.exit()).as(anchored.err()).isZero();

        tamper(config, "DELETE FROM veil_audit_record WHERE seq = 3");
        Run tampered = run("audit", "verify", "--config", configFile.toString());
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.err()).contains("TAMPERED", "MISSING", "record 3 is missing");

        Path nowhere = dir.resolve("no-store-here");
        Run missing = run("audit", "verify", "--store", "jdbc:h2:file:" + nowhere.toAbsolutePath());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot be read");
        assertThat(Files.exists(dir.resolve("no-store-here.mv.db"))).as("verification creates nothing").isFalse();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AuditCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args.length > 0 && args[0].equals("audit")
                ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
        return new Run(exit, out.toString(), err.toString());
    }
}
