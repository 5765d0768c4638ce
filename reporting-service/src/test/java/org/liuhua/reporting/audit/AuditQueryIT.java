package org.liuhua.reporting.audit;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.audit.AuditRecorded;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.reporting.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Audit events of all services in, the city-wide audit query out (S-4), for CITY_ADMIN only. */
class AuditQueryIT extends ReportingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    final String user = "town-officer-" + UUID.randomUUID();
    final Instant t0 = Instant.parse("2026-11-20T08:00:00Z");

    TestHttp as(String token) {
        return new TestHttp("http://127.0.0.1:" + port, token);
    }

    TestHttp admin() {
        return as(TestTokens.user("city-admin", Roles.CITY_ADMIN));
    }

    @Test
    void theAdminSeesEveryServicesEntriesNewestFirstOnceEachFilteredAndPaged() throws Exception {
        AuditRecorded first = recorded("POST /api/v1/hazards", "hz-1", t0, 201, "SUCCEEDED");
        AuditRecorded second = recorded("POST /api/v1/hazards/{id}/transfer", "hz-1", t0.plusSeconds(60), 200,
                "SUCCEEDED");
        AuditRecorded third = recorded("DELETE /api/v1/establishments/{id}", "est-jinfeng-0002",
                t0.plusSeconds(120), 403, "DENIED");
        publish(first);
        publish(second);
        publish(second);
        publish(third);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(query("subject=" + user).path("totalElements").asLong()).isEqualTo(3));
        JsonNode all = query("subject=" + user);
        assertThat(ids(all)).containsExactly(third.auditId(), second.auditId(), first.auditId());
        JsonNode newest = all.path("items").get(0);
        assertThat(newest.path("action").asString()).isEqualTo("DELETE /api/v1/establishments/{id}");
        assertThat(newest.path("outcome").asString()).isEqualTo("DENIED");
        assertThat(newest.path("status").asInt()).isEqualTo(403);
        assertThat(newest.path("clientId").asString()).isEqualTo("liuhua-cli");
        assertThat(newest.path("roles").get(0).asString()).isEqualTo(Roles.TOWN_OFFICER);
        assertThat(newest.path("service").asString()).isEqualTo("grid-service");

        assertThat(ids(query("subject=" + user + "&targetId=hz-1")))
                .containsExactly(second.auditId(), first.auditId());
        assertThat(ids(query("subject=" + user + "&action=" + encode("POST /api/v1/hazards/"))))
                .containsExactly(second.auditId());
        assertThat(ids(query("subject=" + user + "&from=" + t0.plusSeconds(30) + "&to=" + t0.plusSeconds(120))))
                .containsExactly(second.auditId());

        JsonNode secondPage = query("subject=" + user + "&page=1&size=2");
        assertThat(ids(secondPage)).containsExactly(first.auditId());
        assertThat(secondPage.path("totalPages").asInt()).isEqualTo(2);
        assertThat(secondPage.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void onlyTheCityAdminMayQueryTheAuditLog() {
        for (String role : List.of(Roles.TOWN_OFFICER, Roles.COCKPIT_VIEWER, Roles.DEPARTMENT_OFFICER)) {
            TestHttp.Response refused = as(TestTokens.user("someone", role)).get("/api/v1/audit");
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(as(TestTokens.client("demo-firm", List.of(Roles.THIRD_PARTY_FIRM))).get("/api/v1/audit")
                .status()).isEqualTo(403);
        assertThat(new TestHttp("http://127.0.0.1:" + port).get("/api/v1/audit").status()).isEqualTo(401);
        assertThat(admin().get("/api/v1/audit").status()).isEqualTo(200);
    }

    @Test
    void anOversizedPageIsRefusedAsInvalidInput() {
        TestHttp.Response response = admin().get("/api/v1/audit?size=1000");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("size");
    }

    @Test
    void theOrderMayBeReversedButNotSetByAnotherField() throws Exception {
        AuditRecorded early = recorded("POST /api/v1/hazards", "hz-order", t0, 201, "SUCCEEDED");
        AuditRecorded late = recorded("POST /api/v1/hazards", "hz-order", t0.plusSeconds(5), 201, "SUCCEEDED");
        publish(late);
        publish(early);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(query("subject=" + user).path("totalElements").asLong()).isEqualTo(2));

        assertThat(ids(query("subject=" + user + "&sort=occurredAt,asc")))
                .containsExactly(early.auditId(), late.auditId());
        TestHttp.Response bySubject = admin().get("/api/v1/audit?sort=subject");
        assertThat(bySubject.status()).isEqualTo(400);
        assertThat(bySubject.json().path("errors").get(0).path("field").asString()).isEqualTo("sort");
    }

    @Test
    void aFilterWithAControlCharacterIsA400NamingTheParameterNotA500() {
        for (String parameter : List.of("action", "subject", "targetId")) {
            TestHttp.Response response = admin().get("/api/v1/audit?" + parameter + "=POST%00");

            assertThat(response.status()).as(parameter + " " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(parameter);
        }
        TestHttp.Response newline = admin().get("/api/v1/audit?action=POST%0A%2Fapi");
        assertThat(newline.status()).isEqualTo(400);
        TestHttp.Response tooLong = admin().get("/api/v1/audit?targetId=" + "x".repeat(301));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("targetId");
    }

    @Test
    void aRangeThatEndsBeforeItStartsOrAnUnreadableTimeIsA400NamingIt() {
        TestHttp.Response reversed = admin().get("/api/v1/audit?from=" + t0.plusSeconds(60) + "&to=" + t0);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("errors").get(0).path("field").asString()).isEqualTo("from");

        TestHttp.Response unreadable = admin().get("/api/v1/audit?to=yesterday");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().path("errors").get(0).path("field").asString()).isEqualTo("to");
    }

    private JsonNode query(String parameters) {
        TestHttp.Response response = admin().get("/api/v1/audit?" + parameters);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("auditId").asString()));
        return ids;
    }

    private AuditRecorded recorded(String action, String targetId, Instant at, int status, String outcome) {
        String service = action.contains("establishments") ? "grid-service" : "hazard-service";
        return new AuditRecorded(UUID.randomUUID().toString(), service, UUID.randomUUID().toString(), user,
                "liuhua-cli", List.of(Roles.TOWN_OFFICER), action, targetId, at, status, outcome,
                "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private void publish(AuditRecorded recorded) throws Exception {
        CloudEvent event = CloudEventBuilder.v1().withId("evt-" + recorded.auditId())
                .withType("liuhua.audit.recorded.v1").withSource(URI.create("/liuhua/" + recorded.service()))
                .withSubject(recorded.auditId())
                .withTime(OffsetDateTime.ofInstant(recorded.occurredAt(), ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventJson.write(recorded).getBytes(StandardCharsets.UTF_8)).build();
        kafka.send(new ProducerRecord<>(Topics.AUDIT, recorded.auditId(), event)).get();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
