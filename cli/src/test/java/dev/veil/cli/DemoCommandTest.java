package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    @Test
    void tourShowsRawValuesOnTheLeftOnlyAndRefusesWithRules() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new VeilCli());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("demo", "--width", "400")).isZero();
        String text = out.toString();
        for (int i = 1; i <= DemoCommand.TOUR.size(); i++) {
            assertThat(text).contains(i + ". " + DemoCommand.TOUR.get(i - 1).title());
        }
        // every line: the vendor side may show the raw SSN, Veil's side never does
        String rawSsn = "359-22-2691";
        text.lines().filter(line -> line.contains("    ")).forEach(line -> {
            int split = line.indexOf("|    |");
            if (split > 0) {
                assertThat(line.substring(split + 5)).doesNotContain(rawSsn).doesNotContain("ava.muller36");
            }
        });
        assertThat(text).contains(rawSsn, "*******2691", "a***@example.org", "************4242");
        assertThat(text).contains("(rule: predicates: deny)", "(rule: opaque-code)");
        assertThat(text).contains("its text is withheld");
    }
}
