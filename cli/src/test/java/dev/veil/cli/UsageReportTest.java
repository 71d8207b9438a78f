package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageReportTest {

    @TempDir
    Path dir;

    /** Five events as the driver writes them; the last carries the redacted statement a newer driver adds. */
    static final String EVENTS = """
            {"time":"2026-12-01T09:00:00Z","principal":"app","requester":"alice","application":"etl","fingerprint":"f1","kind":"QUERY","tables":["shop.public.customers"],"columns":[{"column":"shop.public.customers.email","sensitivityClass":"email","source":"NAME"}],"masks":["email=email"],"decision":"MASKED","rule":null,"exempt":false,"rows":40,"durationMicros":10,"sqlState":null}
            {"time":"2026-12-01T10:00:00Z","principal":"app","requester":"alice","application":"etl","fingerprint":"f1","kind":"QUERY","tables":["shop.public.customers"],"columns":[{"column":"shop.public.customers.email","sensitivityClass":"email","source":"NAME"}],"masks":["email=email"],"decision":"MASKED","rule":null,"exempt":false,"rows":2,"durationMicros":10,"sqlState":null}
            {"time":"2026-12-02T09:00:00Z","principal":"app","requester":null,"application":null,"fingerprint":"f2","kind":"QUERY","tables":["shop.public.orders"],"columns":[],"masks":[],"decision":"ALLOWED","rule":null,"exempt":false,"rows":7,"durationMicros":10,"sqlState":null}

            {"time":"2026-12-02T11:00:00Z","principal":"app","requester":"<script>bob</script>","application":"bi","fingerprint":"f3","kind":"QUERY","tables":["shop.public.customers"],"columns":[{"column":"shop.public.customers.ssn","sensitivityClass":"ssn","source":"RULE"}],"masks":[],"decision":"REFUSED","rule":"predicates: deny","exempt":false,"rows":-1,"durationMicros":0,"sqlState":"42501"}
            {"time":"2026-12-03T08:00:00Z","principal":"app","requester":"carol","application":"bi","fingerprint":"f4","kind":"DDL","tables":["shop.public.orders"],"columns":[],"masks":[],"decision":"APPROVED","rule":"approvals.ddl.drop","exempt":false,"rows":0,"durationMicros":5,"sqlState":null,"statement":"DROP TABLE orders_old WHERE x = ?","newerField":1}
            """;

    private Path events() throws Exception {
        return Files.writeString(dir.resolve("events.jsonl"), EVENTS);
    }

    @Test
    void groupsByRequesterClassAndDecisionByDefault() throws Exception {
        Cli cli = new Cli();
        assertThat(cli.run("usage", "report", "--events", events().toString(), "--format", "csv")).as(cli::err)
                .isZero();
        assertThat(cli.out()).isEqualTo("""
                requester,class,decision,statements,rows
                <script>bob</script>,ssn,refused,1,0
                alice,email,masked,2,42
                app,-,allowed,1,7
                carol,-,approved,1,0
                """);
    }

    @Test
    void groupsByAnyDimensionsWithinATimeRangeAsJson() throws Exception {
        Cli cli = new Cli();
        assertThat(cli.run("usage", "report", "--events", events().toString(), "--by", "day,table",
                "--since", "2026-12-02", "--until", "2026-12-03", "--format", "json")).as(cli::err).isZero();
        assertThat(cli.out()).isEqualTo("[{\"day\":\"2026-12-02\",\"table\":\"shop.public.customers\","
                + "\"statements\":1,\"rows\":0},{\"day\":\"2026-12-02\",\"table\":\"shop.public.orders\","
                + "\"statements\":1,\"rows\":7}]\n");
    }

    @Test
    void theHtmlPageIsSelfContainedWithChartsAndEscapesWhatItShows() throws Exception {
        Cli cli = new Cli();
        assertThat(cli.run("usage", "report", "--events", events().toString(), "--format", "html")).as(cli::err)
                .isZero();
        String html = cli.out();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<rect", "Statements by class",
                "&lt;script&gt;bob&lt;/script&gt;", "DROP TABLE orders_old WHERE x &#61; ?", "approvals.ddl.drop",
                "<b>5</b>statements", "<b>1</b>refused");
        assertThat(html).doesNotContain("<script>", "src=", "href=", "@import", "url(");
    }

    @Test
    void aLineThatIsNotAnEventIsNamed() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), EVENTS.lines().findFirst().orElseThrow()
                + "\n{\"not\": \"an event\"}\n");
        Cli cli = new Cli();
        assertThat(cli.run("usage", "report", "--events", bad.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("veil: " + bad.toAbsolutePath() + " line 2 is not a usage event");
    }

    @Test
    void eventsMustBeNamedOnce() {
        Cli cli = new Cli();
        assertThat(cli.run("usage", "report")).isEqualTo(2);
        assertThat(cli.err()).contains("name the usage events: --events FILE, or the approval server's audit log");
    }
}
