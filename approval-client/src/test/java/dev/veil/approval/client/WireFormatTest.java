package dev.veil.approval.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JSON both sides agree on; the REST documentation shows the same shapes. */
class WireFormatTest {

    private final ObjectMapper json = ApprovalJson.mapper(true);

    @Test
    void aRequestRoundTripsWithDocumentedFieldNames() throws Exception {
        ApprovalRequest request = ApprovalClientProtocolTest.request();

        JsonNode tree = json.readTree(json.writeValueAsString(request));

        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrder("requester", "database",
                "fingerprint", "statement", "kind", "tables", "columns", "estimatedRows", "rule");
        assertThat(tree.path("requester").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("principal", "jdbcUser", "applicationName", "host");
        assertThat(json.treeToValue(tree, ApprovalRequest.class)).isEqualTo(request);
    }

    @Test
    void aStatusBecomesADecisionOnlyOnceFinal() throws Exception {
        RequestStatus pending = json.readValue("{\"id\":\"req_1\",\"state\":\"PENDING\","
                + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}", RequestStatus.class);
        RequestStatus expired = json.readValue("{\"id\":\"req_1\",\"state\":\"EXPIRED\","
                + "\"reason\":\"nobody decided within 1 h\"}", RequestStatus.class);

        assertThat(pending.decision()).isEmpty();
        assertThat(pending.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(expired.decision()).hasValueSatisfying(decision -> {
            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPIRED);
            assertThat(decision.reason()).contains("nobody decided");
        });
        assertThat(ApprovalState.PENDING.isFinal()).isFalse();
    }

    @Test
    void timesAreWrittenAsIsoTextAndNullsAreLeftOut() throws Exception {
        String written = json.writeValueAsString(new RequestStatus("req_1", ApprovalState.APPROVED, null, null,
                "bob@example.com", null, Instant.parse("2030-01-01T10:00:00Z"), null, null));

        assertThat(written).isEqualTo("{\"id\":\"req_1\",\"state\":\"APPROVED\",\"reviewer\":\"bob@example.com\","
                + "\"decidedAt\":\"2030-01-01T10:00:00Z\"}");
    }
}
