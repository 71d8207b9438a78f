package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.policy.mask.ValueType;
import org.junit.jupiter.api.Test;

class UntrustedColumnsTest {

    @Test
    void untrustedPatternsMatchAsColumnRulesDo() throws Exception {
        Policy policy = PolicyLoader.parse("version: 1\nuntrusted: [ \"support.tickets.body\", \"*.review_text\" ]\n",
                "p.yaml");
        assertThat(policy.isUntrusted(ColumnInfo.of("support", "tickets", "body", ValueType.STRING))).isTrue();
        assertThat(policy.isUntrusted(ColumnInfo.of("public", "tickets", "body", ValueType.STRING))).isFalse();
        assertThat(policy.isUntrusted(ColumnInfo.of("shop", "products", "review_text", ValueType.STRING))).isTrue();
        assertThat(policy.isUntrusted(ColumnInfo.of("shop", "products", "name", ValueType.STRING))).isFalse();
        assertThat(Policy.defaults().isUntrusted(ColumnInfo.of("s", "t", "body", ValueType.STRING))).isFalse();
    }

    @Test
    void aBadPatternNamesItsPlace() {
        assertThatThrownBy(() -> PolicyLoader.parse("version: 1\nuntrusted: [ \"body\" ]\n", "p.yaml"))
                .hasMessageContaining("p.yaml line 2, untrusted[0]");
    }
}
