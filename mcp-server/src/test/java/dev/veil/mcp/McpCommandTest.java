package dev.veil.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class McpCommandTest {

    @Test
    void theIdleTimeoutMustBeAPositiveDuration() {
        for (String bad : new String[] {"0m", "soon", "-5m"}) {
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new McpCommand());
            command.setErr(new PrintWriter(err));
            int exit = command.execute("--url", "jdbc:postgresql://127.0.0.1:1/none", "--idle-timeout", bad);
            assertThat(exit).as(bad).isEqualTo(2);
            assertThat(err.toString()).as(bad).contains("--idle-timeout must be a positive duration");
        }
    }

    @Test
    void theIdleTimeoutDefaultsToThirtyMinutes() {
        McpCommand mcp = new McpCommand();
        new CommandLine(mcp).parseArgs("--url", "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(mcp.idleTimeout).isEqualTo("30m");
        assertThat(dev.veil.driver.config.Settings.parseDuration(mcp.idleTimeout))
                .isEqualTo(VeilMcpServer.DEFAULT_IDLE_TIMEOUT);
    }
}
