package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.server.audit.AuditChain;
import dev.veil.approval.server.audit.AuditEntry;
import dev.veil.approval.server.audit.AuditLog;
import dev.veil.approval.server.audit.AuditType;
import dev.veil.approval.server.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** veil audit list, show and export over an approval store whose records were appended as the server appends them. */
class AuditCommandsTest {

    private static final String DROP = "req_" + "a".repeat(32);
    private static final String EXPORT = "req_" + "b".repeat(32);

    @TempDir
    Path dir;

    private String store;

    private static String created(String principal, String table, String rule) {
        return "{\"client\":\"etl\",\"state\":\"PENDING\",\"expiresAt\":\"2026-12-01T10:00:00Z\",\"request\":"
                + "{\"requester\":{\"principal\":\"" + principal + "\",\"jdbcUser\":\"app\"},\"database\":null,"
                + "\"fingerprint\":\"f\",\"statement\":\"DROP TABLE " + table + "\",\"kind\":\"DROP\",\"tables\":"
                + "[\"shop.public." + table + "\"],\"columns\":[],\"estimatedRows\":null,\"rule\":\"" + rule
                + "\"}}";
    }

    private void append(Database database, Instant at, AuditEntry... entries) {
        database.transaction(c -> {
            new AuditLog(new AuditChain(null), Clock.fixed(at, ZoneOffset.UTC)).append(c, List.of(entries));
            return null;
        });
    }

    @BeforeEach
    void writeLog() {
        store = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        try (Database database = Database.open(store, "sa", "", 1)) {
            append(database, Instant.parse("2026-12-01T09:00:00Z"),
                    new AuditEntry(AuditType.REQUEST_CREATED, DROP, "etl", created("alice", "orders_old",
                            "approvals.ddl.drop")));
            append(database, Instant.parse("2026-12-01T09:05:00Z"),
                    new AuditEntry(AuditType.REQUEST_APPROVED, DROP, "carol", "{\"reason\":\"cleanup ticket 12\"}"));
            append(database, Instant.parse("2026-12-02T09:00:00Z"),
                    new AuditEntry(AuditType.REQUEST_CREATED, EXPORT, "etl", created("bob", "customers",
                            "approvals.exports")),
                    new AuditEntry(AuditType.USAGE_EVENT, null, "etl", UsageReportTest.EVENTS.lines()
                            .findFirst().orElseThrow()));
        }
    }

    @Test
    void listShowsEveryRecordWithItsRequesterAndTheRequestsStateNow() {
        Cli cli = new Cli();
        assertThat(cli.run("audit", "list", "--store", store, "--user", "sa", "--format", "csv")).as(cli::err)
                .isZero();
        assertThat(cli.out().lines()).containsExactly(
                "seq,time,type,request,actor,requester,state,summary",
                "1,2026-12-01T09:00:00Z,REQUEST_CREATED," + DROP + ",etl,alice,APPROVED,approvals.ddl.drop: DROP"
                        + " shop.public.orders_old",
                "2,2026-12-01T09:05:00Z,REQUEST_APPROVED," + DROP + ",carol,alice,APPROVED,cleanup ticket 12",
                "3,2026-12-02T09:00:00Z,REQUEST_CREATED," + EXPORT + ",etl,bob,PENDING,approvals.exports: DROP"
                        + " shop.public.customers",
                "4,2026-12-02T09:00:00Z,USAGE_EVENT,,etl,alice,,\"MASKED: QUERY shop.public.customers, 40 rows\"");
    }

    @Test
    void filtersByRequesterTableStateAndTime() {
        Cli byRequester = new Cli();
        assertThat(byRequester.run("audit", "list", "--store", store, "--user", "sa", "--format", "csv",
                "--requester", "alice")).isZero();
        assertThat(byRequester.out().lines().skip(1).map(l -> l.split(",")[0])).containsExactly("1", "2", "4");

        Cli byTableAndState = new Cli();
        assertThat(byTableAndState.run("audit", "list", "--store", store, "--user", "sa", "--format", "csv",
                "--table", "CUSTOMERS", "--state", "pending")).isZero();
        assertThat(byTableAndState.out().lines().skip(1).map(l -> l.split(",")[0])).containsExactly("3");

        Cli byTime = new Cli();
        assertThat(byTime.run("audit", "list", "--store", store, "--user", "sa", "--format", "csv", "--since",
                "2026-12-01T09:01:00Z", "--until", "2026-12-02", "--type", "REQUEST_APPROVED,REQUEST_CREATED"))
                .isZero();
        assertThat(byTime.out().lines().skip(1).map(l -> l.split(",")[0])).containsExactly("2");

        Cli badTime = new Cli();
        assertThat(badTime.run("audit", "list", "--store", store, "--user", "sa", "--since", "yesterday"))
                .isEqualTo(2);
        assertThat(badTime.err()).contains("--since takes a date (2026-12-01) or a time");
    }

    @Test
    void showTellsARequestsHistory() {
        Cli cli = new Cli();
        assertThat(cli.run("audit", "show", "--store", store, "--user", "sa", DROP)).as(cli::err).isZero();
        assertThat(cli.out()).startsWith("request:    " + DROP + " (approved)\nrequester:  alice\n"
                        + "tables:     shop.public.orders_old\n")
                .contains("#1  2026-12-01T09:00:00Z  REQUEST_CREATED  by etl", "#2  2026-12-01T09:05:00Z"
                        + "  REQUEST_APPROVED  by carol", "\"reason\" : \"cleanup ticket 12\"")
                .doesNotContain("USAGE_EVENT");

        Cli missing = new Cli();
        assertThat(missing.run("audit", "show", "--store", store, "--user", "sa", "req_nope")).isEqualTo(1);
        assertThat(missing.err()).contains("no request or record req_nope");
    }

    @Test
    void exportWritesJsonLines() {
        Cli cli = new Cli();
        assertThat(cli.run("audit", "export", "--store", store, "--user", "sa", "--request", EXPORT)).as(cli::err)
                .isZero();
        assertThat(cli.out()).startsWith("{\"seq\":3,\"recordedAt\":\"2026-12-02T09:00:00Z\",\"type\":"
                + "\"REQUEST_CREATED\",\"requestId\":\"" + EXPORT + "\",\"actor\":\"etl\",\"requester\":\"bob\","
                + "\"state\":\"PENDING\",\"tables\":[\"shop.public.customers\"],\"details\":{\"client\":\"etl\"")
                .hasLineCount(1);
    }

    @Test
    void theLogsUsageEventsMakeAUsageReport() {
        Cli cli = new Cli();
        assertThat(cli.run("usage", "report", "--store", store, "--user", "sa", "--format", "csv")).as(cli::err)
                .isZero();
        assertThat(cli.out()).isEqualTo("requester,class,decision,statements,rows\nalice,email,masked,1,40\n");
    }

    @Test
    void theStoreMustBeNamed() {
        Cli cli = new Cli();
        assertThat(cli.run("audit", "list")).isEqualTo(2);
        assertThat(cli.err()).contains("name the audit log's store: --config FILE");
    }
}
