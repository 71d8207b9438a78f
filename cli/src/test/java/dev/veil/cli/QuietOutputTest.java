package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's output is its own: the libraries it runs log no INFO lines (a fresh JVM, as a user runs it). */
class QuietOutputTest {

    @TempDir
    Path dir;

    /** {@code veil audit verify} on a store that does not exist: the connection pool starts, then the command fails. */
    private String stderrOfAuditVerify(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(VeilCli.class.getName(), "audit", "verify", "--store",
                "jdbc:h2:" + dir.resolve("no-store")));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isEqualTo(2);
        return stderr;
    }

    @Test
    void librariesLogNoInfoLines() throws Exception {
        assertThat(stderrOfAuditVerify()).startsWith("veil: the audit log cannot be read: ").doesNotContain("INFO");
    }

    @Test
    void theirInfoLinesAreThereWhenAskedFor() throws Exception {
        assertThat(stderrOfAuditVerify("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"))
                .contains("INFO com.zaxxer.hikari");
    }
}
