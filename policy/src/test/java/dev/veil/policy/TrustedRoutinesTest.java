package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedRoutinesTest {

    @Test
    void trustedRoutinesMatchWithOrWithoutSchemaIgnoringCase() throws Exception {
        Policy policy = PolicyLoader.parse("""
                version: 1
                routines:
                  trusted: [normalize_phone, Billing.Invoice_Total]
                """, "p.yaml");
        assertThat(policy.isTrustedRoutine(null, "NORMALIZE_PHONE")).isTrue();
        assertThat(policy.isTrustedRoutine("public", "normalize_phone")).isTrue();
        assertThat(policy.isTrustedRoutine("billing", "invoice_total")).isTrue();
        assertThat(policy.isTrustedRoutine("public", "invoice_total")).isFalse();
        assertThat(policy.isTrustedRoutine(null, "invoice_total")).isFalse();
        assertThat(Policy.defaults().isTrustedRoutine(null, "anything")).isFalse();
    }

    @Test
    void aBadRoutineNameIsAPreciseError() {
        assertThatThrownBy(() -> PolicyLoader.parse("version: 1\nroutines:\n  trusted: ['drop table x']\n", "p.yaml"))
                .hasMessage("p.yaml line 3, routines.trusted[0]: bad routine name 'drop table x': expected name or"
                        + " schema.name");
    }
}
