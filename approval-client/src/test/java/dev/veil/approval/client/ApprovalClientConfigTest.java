package dev.veil.approval.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalClientConfigTest {

    @Test
    void neverShowsTheToken() {
        ApprovalClientConfig config = ApprovalClientConfig.of(URI.create("https://approvals.example.com"),
                "secret-driver-token-0123");

        assertThat(config.toString()).doesNotContain("secret-driver-token").contains("<redacted>");
    }

    @Test
    void aBaseUrlWithAPathKeepsItForTheApi() {
        ApprovalClientConfig config = ApprovalClientConfig.of(URI.create("https://gw.example.com/veil"), "t");

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://gw.example.com/veil/"));
        assertThat(config.longPoll()).isEqualTo(ApprovalClientConfig.DEFAULT_LONG_POLL);
    }

    @Test
    void refusesUrlsAndValuesThatCannotWork() {
        assertThatThrownBy(() -> ApprovalClientConfig.of(URI.create("ftp://x"), "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApprovalClientConfig.of(URI.create("https://user:pw@x"), "t"))
                .hasMessageContaining("user info");
        assertThatThrownBy(() -> ApprovalClientConfig.of(URI.create("https://x"), " "))
                .hasMessageContaining("token");
        assertThatThrownBy(() -> ApprovalClientConfig.of(URI.create("https://x"), "t").withLongPoll(Duration.ZERO))
                .hasMessageContaining("longPoll");
    }

    @Test
    void requestsCarryNoBlankIdentityOrStatement() {
        assertThatThrownBy(() -> new Requester(" ", null, null, null)).hasMessageContaining("principal");
        assertThatThrownBy(() -> new ApprovalRequest(new Requester("a", null, null, null), null, "fp", "",
                "DROP", null, null, null, "ddl.drop")).hasMessageContaining("statement");
        assertThatThrownBy(() -> new ApprovalRequest(new Requester("a", null, null, null), null, "fp", "DROP t",
                "DROP", null, null, -1L, "ddl.drop")).hasMessageContaining("estimatedRows");
    }
}
