package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    @Test
    void tourShowsRawValuesOnTheLeftOnlyAndRefusesWithRules() {
        StringWriter out = new StringWriter();
        CommandLine cli = VeilCli.commandLine(Map.of());
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
        assertThat(text).contains("(rule: predicates: deny)", "(rule: exports)");
        assertThat(text).contains("its text is withheld");
    }

    /** What each stop says it shows is what it shows. */
    @Test
    void captionsMatchTheOutcomes() {
        StringWriter out = new StringWriter();
        CommandLine cli = VeilCli.commandLine(Map.of());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("demo", "--width", "400")).isZero();
        String text = out.toString();
        // 7: "every branch of a UNION is masked" — so it runs, and the phones of the second branch leave masked
        assertThat(stop(text, 7)).doesNotContain("ERROR").contains("| 1  | city  | Lyon            |",
                "| 1  | phone | ************80  |");
        // 10: refused as the export it is, not as a routine a DBA could trust
        assertThat(stop(text, 10)).contains("(rule: exports)").doesNotContain("routines.trusted");
        assertThat(text).doesNotContain("routines.trusted");
    }

    private static String stop(String text, int n) {
        int start = text.indexOf("\n" + n + ". ");
        int end = text.indexOf("\n" + (n + 1) + ". ", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
