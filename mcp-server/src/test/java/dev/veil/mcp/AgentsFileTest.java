package dev.veil.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentsFileTest {

    @TempDir
    Path dir;

    private Map<String, AgentProfile> read(String yaml, Map<String, String> environment) throws Exception {
        Path file = dir.resolve("agents.yaml");
        Files.writeString(file, yaml);
        return AgentsFile.read(file, environment);
    }

    @Test
    void readsEachAgentsLimitsWithSafeDefaults() throws Exception {
        Map<String, AgentProfile> agents = read("""
                agents:
                  - name: bot
                    token: ${BOT_TOKEN}
                    purpose: triage
                    tables: [public.tickets]
                    rateLimit: { calls: 10, per: 30s }
                  - name: plain
                """, Map.of("BOT_TOKEN", "t".repeat(30)));
        AgentProfile bot = agents.get("bot");
        assertThat(bot.token()).isEqualTo("t".repeat(30));
        assertThat(bot.readOnly()).isTrue();
        assertThat(bot.rowCap()).isEqualTo(100);
        assertThat(bot.tables()).containsExactly("public.tickets");
        assertThat(bot.rateLimit()).isEqualTo(new AgentProfile.RateLimit(10, Duration.ofSeconds(30)));
        assertThat(bot.statementRequester()).isEqualTo("agent:bot (purpose: triage)");
        assertThat(agents.get("plain").token()).isNull();
        assertThat(agents.get("plain").statementRequester()).isEqualTo("agent:plain");
    }

    @Test
    void misspeltLimitsShortTokensMissingPurposesAndUnsetVariablesAreErrors() {
        assertThatThrownBy(() -> read("agents:\n  - name: a\n    readonly: false\n", Map.of()))
                .hasMessageContaining("unknown field 'readonly'");
        assertThatThrownBy(() -> read("agents:\n  - name: a\n    token: short\n", Map.of()))
                .hasMessageContaining("at least 24");
        assertThatThrownBy(() -> read("requirePurpose: true\nagents:\n  - name: a\n", Map.of()))
                .hasMessageContaining("declares no purpose");
        assertThatThrownBy(() -> read("agents:\n  - name: a\n    token: ${NOPE}\n", Map.of()))
                .hasMessageContaining("NOPE");
        String token = "x".repeat(30);
        assertThatThrownBy(() -> read("agents:\n  - name: a\n    token: " + token + "\n  - name: b\n    token: "
                + token + "\n", Map.of())).hasMessageContaining("unique");
    }
}
