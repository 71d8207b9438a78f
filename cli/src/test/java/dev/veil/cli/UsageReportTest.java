package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageReportTest {

    @TempDir
    Path dir;

    /**
     * Five events as the driver writes them, and a blank line; the last carries the redacted statement a newer driver
     * adds, and a field this reader does not know.
     */
    static final String EVENTS = resource("usage-events.jsonl");

    static String resource(String name) {
        try (var in = UsageReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

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
