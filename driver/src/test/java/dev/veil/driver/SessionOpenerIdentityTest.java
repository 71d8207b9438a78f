package dev.veil.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.driver.config.VeilConfig;
import dev.veil.policy.Policy;
import dev.veil.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/**
 * Plans and classifications are shared by the connections of one database identity; two policies must never share
 * one, even when their hash codes are equal ("Aa" and "BB" hash alike).
 */
class SessionOpenerIdentityTest {

    private static Policy policy(String table) throws Exception {
        return PolicyLoader.parse("""
                version: 1
                columns:
                  - match: "%s.ssn"
                    class: ssn
                """.formatted(table), "test");
    }

    @Test
    void policiesWithEqualHashCodesHaveTheirOwnIdentity() throws Exception {
        Policy aa = policy("Aa");
        Policy bb = policy("BB");
        assertThat(aa.hashCode()).isEqualTo(bb.hashCode());
        assertThat(aa).isNotEqualTo(bb);
        VeilConfig config = VeilConfig.defaults();
        assertThat(SessionOpener.identity("jdbc:h2:mem:x", "sa", config, aa))
                .isNotEqualTo(SessionOpener.identity("jdbc:h2:mem:x", "sa", config, bb));
        // the same content loaded again shares the identity (and the caches)
        assertThat(SessionOpener.identity("jdbc:h2:mem:x", "sa", config, policy("Aa")))
                .isEqualTo(SessionOpener.identity("jdbc:h2:mem:x", "sa", config, aa));
    }
}
