package dev.veil.approval.server;

import static dev.veil.approval.server.TestSetup.ALICE_REVIEWER_TOKEN;
import static dev.veil.approval.server.TestSetup.DRIVER_TOKEN;
import static dev.veil.approval.server.TestSetup.REVIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.RequestEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approver groups through the REST API: only the group a request is routed to decides it; escalation re-routes. */
class ApproverGroupsApiTest {

    @TempDir
    Path dir;
    private ApprovalServer server;
    private RawApi api;

    @BeforeEach
    void start() {
        ServerConfig base = TestSetup.config(dir, null, Duration.ofHours(1));
        server = ApprovalServer.start(new ServerConfig(base.listen(), base.store(), base.requests(), base.tokens(),
                null, base.audit(),
                List.of(new ServerConfig.ApproverGroup("dba", List.of("carol@example.com")),
                        new ServerConfig.ApproverGroup("security", List.of("Alice@Example.com"))), null));
        api = new RawApi(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onlyTheRoutedGroupDecidesAndEscalationReRoutes() throws Exception {
        String id = RawApi.json(api.post("api/v1/requests", DRIVER_TOKEN,
                TestSetup.json(TestSetup.dropTable("bob@example.com")))).path("id").asText();
        assertThat(server.service().groupOf(id)).isEqualTo("dba");

        // alice is in security, not in dba
        assertThat(api.post("api/v1/requests/" + id + "/approve", ALICE_REVIEWER_TOKEN, "{}").statusCode())
                .isEqualTo(403);
        assertThat(api.post("api/v1/requests/" + id + "/escalate", REVIEWER_TOKEN, "{\"group\":\"nobody\"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.post("api/v1/requests/" + id + "/escalate", REVIEWER_TOKEN, "{\"group\":\"dba\"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.post("api/v1/requests/" + id + "/escalate", REVIEWER_TOKEN,
                "{\"group\":\"security\",\"reason\":\"a security matter\"}").statusCode()).isEqualTo(200);
        assertThat(server.service().groupOf(id)).isEqualTo("security");

        assertThat(api.post("api/v1/requests/" + id + "/approve", REVIEWER_TOKEN, "{}").statusCode())
                .isEqualTo(403);
        assertThat(api.post("api/v1/requests/" + id + "/approve", ALICE_REVIEWER_TOKEN, "{}").statusCode())
                .isEqualTo(200);
        assertThat(server.service().find(id).orElseThrow().state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(server.service().history(id)).extracting(RequestEvent::type).containsSubsequence(
                "REQUEST_CREATED", "DECISION_REFUSED", "REQUEST_ESCALATED", "DECISION_REFUSED", "REQUEST_APPROVED");
        assertThat(server.service().history(id)).filteredOn(e -> e.type().equals("REQUEST_ESCALATED"))
                .singleElement().satisfies(e -> assertThat(e.payload()).contains("\"from\":\"dba\"",
                        "\"to\":\"security\"", "a security matter", "carol@example.com"));
    }
}
