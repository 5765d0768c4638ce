package org.liuhua.hazard.intake;

import java.time.Duration;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP in, state stored, event out: the walking-skeleton flow of hazard-service against real Kafka. */
class ReportHazardIT extends org.liuhua.hazard.HazardIT {

    TestHttp api() {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("inspector-1", Roles.CITY_ADMIN));
    }

    @Test
    void aReportedHazardIsStoredAndPublishedAsHazardReported() {
        TestHttp.Response created = api().post("/api/v1/hazards", Map.of(
                "establishmentId", "est-001", "townId", "town-jinfeng", "category", "FIRE_SAFETY",
                "source", "GRID_PATROL", "description", "消防通道堵塞"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("state").asString()).isEqualTo("REPORTED");
        assertThat(api().get("/api/v1/hazards/" + id).json().get("description").asString()).isEqualTo("消防通道堵塞");

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            var records = probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(15));
            assertThat(records).hasSize(1);
            CloudEvent event = records.get(0).value();
            assertThat(event.getType()).isEqualTo("liuhua.hazard.reported.v1");
            HazardReported payload = EventJson.read(event, HazardReported.class);
            assertThat(payload.hazardId()).isEqualTo(id);
            assertThat(payload.townId()).isEqualTo("town-jinfeng");
            assertThat(payload.severity()).isEqualTo("GENERAL");
            assertThat(payload.deadline()).isNotNull();
        }
    }

    @Test
    void aMalformedReportIsRefusedWithProblemJsonNamingTheFields() {
        TestHttp.Response refused = api().post("/api/v1/hazards", Map.of("establishmentId", "est-001",
                "source", "NOT_A_SOURCE", "description", "x", "townId", "t", "category", "c"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().has("errors")).as(refused.toString()).isTrue();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("source");

        TestHttp.Response missing = api().post("/api/v1/hazards", Map.of("source", "GRID_PATROL"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .contains("establishmentId", "category", "description"); // townId only for an unknown establishment
    }

    @Test
    void withoutATokenTheApiAnswers401AndAnUnknownPath404() {
        TestHttp anonymous = new TestHttp("http://127.0.0.1:" + port);
        TestHttp.Response unauthorized = anonymous.get("/api/v1/hazards/any");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");

        TestHttp.Response unknown = api().get("/api/v1/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/hazards/does-not-exist").status()).isEqualTo(404);
    }

    @Test
    void healthIsOpenAndMetricsOnTheServicePortNeedTheCityAdmin() {
        TestHttp anonymous = new TestHttp("http://127.0.0.1:" + port);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        TestHttp admin = api();
        TestHttp.Response metrics = admin.send(admin.request("/actuator/prometheus")
                .setHeader("Accept", "text/plain").GET());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("liuhua_outbox_published");
    }

    @Test
    void theOpenApiDocumentDescribesTheHazardApi() {
        TestHttp.Response docs = new TestHttp("http://127.0.0.1:" + port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/hazards", "/api/v1/hazards/{id}/rectify", "/api/v1/intake/findings");
    }

    @Test
    void aSourceReferenceIsTheReportersOwnSoAnothersEqualReferenceIsAFindingOfItsOwnAndARepeatIsNamedDuplicate() {
        String reference = unique("APP-F");
        String estA = unique("est-jinfeng");
        String estB = unique("est-jinfeng");
        TestHttp.Response first = admin().post("/api/v1/hazards", Map.of("establishmentId", estA, "townId", JINFENG,
                "category", "FIRE_SAFETY", "source", "GRID_PATROL", "sourceRef", reference,
                "description", "疏散通道堵塞"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Map<String, Object> another = Map.of("establishmentId", estB, "townId", JINFENG, "category", "FIRE_SAFETY",
                "source", "GRID_PATROL", "sourceRef", reference, "description", "灭火器失效");
        TestHttp.Response own = admin2().post("/api/v1/hazards", another);
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.json().get("outcome").asString()).isEqualTo("CREATED");
        assertThat(own.json().get("establishmentId").asString()).isEqualTo(estB);
        assertThat(own.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
        TestHttp.Response repeated = admin2().post("/api/v1/hazards", another);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(repeated.json().get("id").asString()).isEqualTo(own.json().get("id").asString());
    }
}
