package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/examples/policy.yaml does what its opening comment says. */
class ExamplePolicyTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "policy.yaml");
    private static final String KEY = "0123456789abcdef0123";

    @TempDir
    Path dir;

    private static String[] run(String url, Path policy, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"run", "--url", url, "--policy", policy.toString(), "--format=csv"}, 0, args,
                0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return args;
    }

    @Test
    void asCopiedItNamesTheSettingsItNeedsThenWorks() {
        Cli neither = new Cli();
        assertThat(neither.run(run("jdbc:h2:mem:example1", EXAMPLE, "SELECT 1 AS one"))).isEqualTo(1);
        assertThat(neither.err()).contains("veil.approval.token is not set");

        Cli noKey = new Cli();
        assertThat(noKey.run(run("jdbc:h2:mem:example2", EXAMPLE, "-p", "veil.approval.token=t0ken",
                "SELECT 1 AS one"))).isEqualTo(1);
        assertThat(noKey.err()).contains("needs a key: set veil.hashKey (or VEIL_HASH_KEY)");

        Cli both = new Cli();
        assertThat(both.run(run("jdbc:h2:mem:example3", EXAMPLE, "-p", "veil.hashKey=" + KEY, "-p",
                "veil.approval.token=t0ken", "SELECT 1 AS one"))).as(both::err).isZero();
        assertThat(both.out()).isEqualTo("ONE\n1\n");
    }

    @Test
    void withoutTheHashClassAndTheServerItWorksAlone() throws Exception {
        String text = Files.readString(EXAMPLE);
        String trimmed = text.replace("""
                  customer_ref:               # a class of our own: pseudonymous but joinable
                    mask: hash
                    description: customer reference numbers shared with partners
                """, "").replace("""
                  - match: "public.*.partner_ref"
                    class: customer_ref
                """, "").replaceAll("(?m)^  server: .*\\n", "");
        assertThat(trimmed).doesNotContain("customer_ref:", "class: customer_ref", "  server:");
        Path policy = Files.writeString(dir.resolve("policy.yaml"), trimmed);
        Cli cli = new Cli();
        assertThat(cli.run(run("jdbc:h2:mem:example4", policy, "SELECT 1 AS one", "CREATE TABLE t (id INT)")))
                .isEqualTo(1);
        assertThat(cli.out()).isEqualTo("ONE\n1\n");
        assertThat(cli.err()).contains("no approval server is configured", "[SQLState 42VA1]");
    }
}
