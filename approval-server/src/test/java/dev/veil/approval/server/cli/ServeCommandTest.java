package dev.veil.approval.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int serve(String... args) {
        CommandLine command = new CommandLine(new ApprovalsCommand());
        command.setErr(new PrintWriter(err));
        command.setOut(new PrintWriter(new StringWriter()));
        return command.execute(args);
    }

    @Test
    void anInvalidConfigurationStopsWithExitCodeTwoAndSaysWhy() throws Exception {
        Path config = dir.resolve("server.yaml");
        Files.writeString(config, "listen: {port: 99999}\n");

        assertThat(serve("serve", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("veil: ").contains("listen.port must be between 0 and 65535",
                "tokens.drivers must hold at least one driver token");
    }

    @Test
    void aMissingConfigurationFileIsNamed() {
        Path missing = dir.resolve("absent.yaml");

        assertThat(serve("serve", "--config", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(missing.toString(), "does not exist");
    }

    @Test
    void theConfigOptionIsRequired() {
        assertThat(serve("serve")).isEqualTo(2);
        assertThat(err.toString()).contains("--config");
    }
}
