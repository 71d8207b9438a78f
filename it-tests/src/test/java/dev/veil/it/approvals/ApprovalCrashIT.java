package dev.veil.it.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.server.audit.AuditChain;
import dev.veil.approval.server.audit.AuditReport;
import dev.veil.approval.server.audit.AuditVerifier;
import dev.veil.approval.server.store.Database;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the approval server acknowledges survives SIGKILL, on both stores. The server runs in a JVM of its own;
 * each trial makes one kind of write and kills the server the moment the answer arrives, then starts it again and
 * checks that everything acknowledged so far is there: requests, decisions, withdrawals, and outcomes and usage
 * events recorded exactly once (a retry with the same idempotency key is recognised). At the end the audit chain
 * must verify, completeness included.
 *
 * <p>{@code -Dveil.crash.trials=N} sets the kills per store (default one per kind of write, to stay quick in CI).
 */
@Timeout(1800)
class ApprovalCrashIT {

    /** The kinds of acknowledged write, one per trial in turn. */
    enum Write { CREATE, APPROVE, REJECT, WINDOW_APPROVAL, OUTCOME, WITHDRAW, USAGE }

    private static final int TRIALS = Integer.getInteger("veil.crash.trials", Write.values().length);

    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesSurviveSigkillOnH2() throws Exception {
        Path store = dir.resolve("store");
        crashLoop("H2", "jdbc:h2:file:" + store.toAbsolutePath(), "sa", "");
    }

    @Test
    void acknowledgedWritesSurviveSigkillOnPostgres() throws Exception {
        TestDatabase postgres = TestDatabases.postgres();
        String schema = "approvals_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = postgres.openRaw(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try {
            String url = postgres.url() + (postgres.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
            crashLoop("PostgreSQL", url, postgres.user(), postgres.password());
        } finally {
            try (Connection connection = postgres.openRaw(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** What the server acknowledged, to be found after every restart. */
    private static final class Ledger {
        final Map<String, String> states = new LinkedHashMap<>();
        final Map<String, String> outcomes = new LinkedHashMap<>();
        final Map<String, String> usage = new LinkedHashMap<>();
        final List<String> losses = new ArrayList<>();
    }

    private void crashLoop(String storeName, String url, String user, String password) throws Exception {
        int port = ServerProcess.freePort();
        Path config = dir.resolve("server-" + storeName + ".yaml");
        Files.writeString(config, String.join("\n",
                "listen: {port: " + port + "}",
                "store: {url: '" + url + "', user: '" + user + "', password: '" + password + "'}",
                "requests: {ttl: 1h, longPollTimeout: 1s, storePollInterval: 200ms, sweepInterval: 1s,"
                        + " waiterLease: 1h}",
                "tokens:",
                "  drivers: [{name: etl, token: " + CrashApi.DRIVER_TOKEN + "}]",
                "  reviewers: [{identity: carol@example.com, token: " + CrashApi.REVIEWER_TOKEN + "}]", ""));
        ServerProcess server = new ServerProcess(config, dir.resolve("server-" + storeName + ".log"), port);
        Ledger ledger = new Ledger();
        Map<Write, Integer> kills = new EnumMap<>(Write.class);
        long started = System.nanoTime();
        try {
            Map<String, String> lastTrial = Map.of();
            for (int trial = 0; trial < TRIALS; trial++) {
                server.start();
                // a client of its own per server life: no connection of the killed server is reused
                CrashApi api = new CrashApi(server.baseUrl());
                checkAfterRestart(api, ledger, lastTrial);
                Write write = Write.values()[trial % Write.values().length];
                lastTrial = trial(api, ledger, write, storeName + "-" + trial);
                server.kill();
                kills.merge(write, 1, Integer::sum);
            }
            server.start();
            CrashApi api = new CrashApi(server.baseUrl());
            checkAfterRestart(api, ledger, Map.of());
            for (Map.Entry<String, String> expected : ledger.states.entrySet()) {
                String state = api.read(expected.getKey()).state();
                if (!state.equals(expected.getValue())) {
                    ledger.losses.add(expected.getKey() + " is " + state + ", acknowledged " + expected.getValue());
                }
            }
            server.kill();
        } finally {
            server.close();
        }
        checkStore(url, user, password, ledger);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("crash loop on " + storeName + ": " + TRIALS + " SIGKILLs after acknowledged writes "
                + kills + ", " + ledger.states.size() + " requests, " + ledger.outcomes.size() + " outcomes, "
                + ledger.usage.size() + " usage batches; losses: " + ledger.losses.size() + " (" + seconds + " s)");
        assertThat(ledger.losses).as("acknowledged writes lost on " + storeName).isEmpty();
    }

    /** One trial: setup writes, then the write of its kind; returns what that write acknowledged. */
    private static Map<String, String> trial(CrashApi api, Ledger ledger, Write write, String name)
            throws Exception {
        String fingerprint = "fp-crash-" + name;
        String key = UUID.randomUUID().toString();
        if (write == Write.USAGE) {
            String marker = "usage-" + name;
            CrashApi.Answer answer = api.usage(marker, key);
            assertThat(answer.status()).isEqualTo(202);
            ledger.usage.put(marker, key);
            return Map.of();
        }
        CrashApi.Answer created = api.create(fingerprint, key);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        ledger.states.put(id, "PENDING");
        CrashApi.Answer acknowledged = switch (write) {
            case CREATE -> created;
            case APPROVE, OUTCOME -> api.approve(id, null);
            case REJECT -> api.reject(id);
            case WINDOW_APPROVAL -> {
                assertThat(api.approve(id, "1h").status()).isEqualTo(200);
                ledger.states.put(id, "APPROVED");
                CrashApi.Answer auto = api.create(fingerprint, UUID.randomUUID().toString());
                id = auto.body().path("id").asText();
                yield auto;
            }
            case WITHDRAW -> api.withdraw(id, key);
            case USAGE -> throw new AssertionError();
        };
        if (write == Write.OUTCOME) {
            assertThat(acknowledged.status()).isEqualTo(200);
            String outcomeKey = UUID.randomUUID().toString();
            acknowledged = api.outcome(id, outcomeKey);
            assertThat(acknowledged.status()).isEqualTo(202);
            assertThat(acknowledged.body().path("duplicate").asBoolean()).isFalse();
            ledger.outcomes.put(id, outcomeKey);
            ledger.states.put(id, "APPROVED");
            return Map.of(id, "APPROVED");
        }
        assertThat(acknowledged.status()).as(write + ": " + acknowledged.body()).isIn(200, 201);
        ledger.states.put(id, acknowledged.state());
        return Map.of(id, acknowledged.state());
    }

    /** The last trial's writes are there, and retried outcomes and usage batches are recognised as retries. */
    private static void checkAfterRestart(CrashApi api, Ledger ledger, Map<String, String> lastTrial)
            throws Exception {
        for (Map.Entry<String, String> expected : lastTrial.entrySet()) {
            CrashApi.Answer read = api.read(expected.getKey());
            if (read.status() != 200 || !read.state().equals(expected.getValue())) {
                ledger.losses.add(expected.getKey() + ": acknowledged " + expected.getValue() + ", after the crash "
                        + read.status() + " " + read.body());
            }
        }
        for (Map.Entry<String, String> outcome : ledger.outcomes.entrySet()) {
            CrashApi.Answer again = api.outcome(outcome.getKey(), outcome.getValue());
            if (again.status() != 202 || !again.body().path("duplicate").asBoolean()) {
                ledger.losses.add("outcome of " + outcome.getKey() + " was not recorded before the crash: "
                        + again.status() + " " + again.body());
            }
        }
        for (Map.Entry<String, String> batch : ledger.usage.entrySet()) {
            CrashApi.Answer again = api.usage(batch.getKey(), batch.getValue());
            if (again.status() != 202 || !again.body().path("duplicate").asBoolean()) {
                ledger.losses.add("usage batch " + batch.getKey() + " was not recorded before the crash: "
                        + again.status() + " " + again.body());
            }
        }
    }

    /** With the server gone: the chain verifies, and each outcome and usage event is in it exactly once. */
    private static void checkStore(String url, String user, String password, Ledger ledger) throws Exception {
        try (Database database = Database.openExisting(url, user, password)) {
            AuditReport report = database.snapshot(connection ->
                    new AuditVerifier(new AuditChain(null)).verify(connection, null));
            assertThat(report.problems()).as("audit verify after the crash loop").isEmpty();
            database.transaction(connection -> {
                for (String id : ledger.outcomes.keySet()) {
                    assertThat(count(connection, "record_type = 'EXECUTION_OUTCOME' AND request_id = ?", id))
                            .as("outcome records of " + id).isEqualTo(1);
                }
                for (String marker : ledger.usage.keySet()) {
                    assertThat(count(connection, "record_type = 'USAGE_EVENT' AND payload LIKE ?",
                            "%\"" + marker + "\"%")).as("usage records " + marker).isEqualTo(1);
                }
                return null;
            });
        }
    }

    private static int count(Connection connection, String where, String parameter) throws java.sql.SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM veil_audit_record WHERE " + where)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
