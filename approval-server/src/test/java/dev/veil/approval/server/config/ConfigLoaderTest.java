package dev.veil.approval.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static final String TOKENS = """
            tokens:
              drivers: [{name: etl, token: "driver-token-0123456789"}]
              reviewers: [{identity: carol@example.com, token: "reviewer-token-0123456789"}]
            """;

    private final Map<String, String> env = new HashMap<>();
    private final ConfigLoader loader = new ConfigLoader(env::get);

    @Test
    void theShippedExampleIsValidOnceItsVariablesAreSet() {
        for (String name : new String[] {"VEIL_APPROVALS_DB_PASSWORD", "VEIL_DRIVER_TOKEN_SPARK",
                "VEIL_DRIVER_TOKEN_NOTEBOOKS", "VEIL_REVIEWER_TOKEN_DBA_LEAD", "SLACK_BOT_TOKEN",
                "SLACK_SIGNING_SECRET", "VEIL_AUDIT_KEY", "VEIL_OIDC_CLIENT_SECRET"}) {
            env.put(name, name.toLowerCase() + "-value-0123456789");
        }

        ServerConfig config = loader.load(Path.of("../docs/examples/approvals-server.yaml"));

        assertThat(config.listen().port()).isEqualTo(8470);
        assertThat(config.store().url()).startsWith("jdbc:postgresql:");
        assertThat(config.store().password()).isEqualTo("veil_approvals_db_password-value-0123456789");
        assertThat(config.requests().ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.requests().longPollTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(config.requests().waiterLease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.tokens().drivers()).extracting(ServerConfig.DriverToken::name)
                .containsExactly("spark-etl", "notebooks");
        assertThat(config.slack().approvers().userGroups()).containsExactly("S0123ABCDEF");
        assertThat(config.slack().apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(config.audit().key()).isNotNull();
        assertThat(config.groups()).extracting(ServerConfig.ApproverGroup::name).containsExactly("dba", "security");
        assertThat(config.web().oidc().identityClaim()).isEqualTo("email");
        assertThat(config.web().publicUrl()).isEqualTo("https://approvals.example.com/");
        assertThat(config.slack().socketMode()).isFalse();
        assertThat(config.toString()).doesNotContain("value-0123456789");
    }

    @Test
    void theWebPageGroupsAndSocketModeAreCheckedAtStart() {
        assertThatThrownBy(() -> loader.parse(TOKENS + """
                groups:
                  - {name: dba, members: []}
                  - {name: dba, members: [x@example.com]}
                web:
                  publicUrl: ftp://nowhere
                  oidc: {issuer: not-a-url}
                slack:
                  botToken: xoxb-1
                  channel: C1
                  approvers: {users: [U1]}
                  socketMode: true
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("groups[0].members must name at least one identity")
                .hasMessageContaining("groups[1].name 'dba' is used twice")
                .hasMessageContaining("web.publicUrl must be an http(s) URL")
                .hasMessageContaining("web.oidc.issuer must be the provider's http(s) issuer URL")
                .hasMessageContaining("web.oidc.clientId is required")
                .hasMessageContaining("slack.appToken (xapp-...) is required when slack.socketMode is true")
                .message().doesNotContain("slack.signingSecret");
    }

    @Test
    void theExampleDoesNotStartWithoutItsSecrets() {
        assertThatThrownBy(() -> loader.load(Path.of("../docs/examples/approvals-server.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("slack.signingSecret refers to the environment variable SLACK_SIGNING_SECRET,"
                        + " which is not set")
                .hasMessageContaining("tokens.drivers[0].token refers to the environment variable");
    }

    @Test
    void defaultsMakeAMinimalConfigurationWork() {
        ServerConfig config = loader.parse(TOKENS);

        assertThat(config.listen().host()).isEqualTo("127.0.0.1");
        assertThat(config.store().url()).isEqualTo("jdbc:h2:file:./veil-approvals/store");
        assertThat(config.requests().maxApprovalWindow()).isEqualTo(Duration.ofHours(8));
        assertThat(config.slack()).isNull();
    }

    @Test
    void substitutionIsOnValuesOnlyAndDollarDollarEscapes() {
        env.put("TOKEN", "driver-token-0123456789\nreviewers: []");

        ServerConfig config = loader.parse("""
                tokens:
                  drivers: [{name: "cost $${not-a-variable}", token: "${TOKEN}"}]
                  reviewers: [{identity: carol@example.com, token: "reviewer-token-0123456789"}]
                """);

        assertThat(config.tokens().drivers().get(0).token()).isEqualTo("driver-token-0123456789\nreviewers: []");
        assertThat(config.tokens().drivers().get(0).name()).isEqualTo("cost ${not-a-variable}");
        assertThat(config.tokens().reviewers()).hasSize(1);
    }

    @Test
    void anUnknownKeyIsAnErrorNotIgnored() {
        assertThatThrownBy(() -> loader.parse(TOKENS + "slak:\n  channel: C1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'slak'");
    }

    @Test
    void weakRepeatedOrMissingSecretsAreRefused() {
        assertThatThrownBy(() -> loader.parse("""
                tokens:
                  drivers: [{name: etl, token: short}, {name: etl, token: "reviewer-token-0123456789"}]
                  reviewers: [{identity: carol@example.com, token: "reviewer-token-0123456789"}]
                slack:
                  botToken: xoxb-1
                  channel: C1
                  approvers: {users: [U1]}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tokens.drivers[0].token must be at least 16 characters long")
                .hasMessageContaining("tokens.drivers[1].name 'etl' is used twice")
                .hasMessageContaining("tokens.reviewers[0].token is the same as another token")
                .hasMessageContaining("slack.signingSecret is required");
    }

    @Test
    void somebodyMustBeAbleToDecide() {
        assertThatThrownBy(() -> loader.parse("tokens:\n  drivers: [{name: etl, token: driver-token-0123456789}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nobody can decide");
    }

    @Test
    void durationsAreReadInEitherFormAndCheckedAgainstEachOther() {
        ServerConfig config = loader.parse(TOKENS
                + "requests: {ttl: PT2H, longPollTimeout: 90s, sweepInterval: 500ms}\n");
        assertThat(config.requests().ttl()).isEqualTo(Duration.ofHours(2));
        assertThat(config.requests().longPollTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.requests().sweepInterval()).isEqualTo(Duration.ofMillis(500));

        assertThatThrownBy(() -> loader.parse(TOKENS + "requests: {ttl: soon}\n"))
                .hasMessageContaining("requests.ttl")
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> loader.parse(TOKENS + """
                requests: {maxApprovalWindow: 30m}
                slack:
                  botToken: xoxb-1
                  signingSecret: s
                  channel: C1
                  approvers: {users: [U1]}
                  approveWindow: 1h
                """)).hasMessageContaining("slack.approveWindow must not be longer than requests.maxApprovalWindow");
    }

    @Test
    void aStoreThatForgetsOnRestartIsRefused() {
        assertThatThrownBy(() -> loader.parse(TOKENS + "store: {url: 'jdbc:h2:mem:x'}\n"))
                .hasMessageContaining("must not be an in-memory H2 database");
        assertThatThrownBy(() -> loader.parse(TOKENS + "store: {url: 'jdbc:mysql://db/x'}\n"))
                .hasMessageContaining("jdbc:h2: or jdbc:postgresql:");
    }
}
