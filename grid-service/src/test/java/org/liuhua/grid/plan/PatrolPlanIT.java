package org.liuhua.grid.plan;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PatrolPlanIT extends GridIT {

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    /** A synced, completed patrol with a proven check-in (and a finding when given); answers the patrol id. */
    private String visit(String inspector, Place place, String establishmentId, LocalDate day, String findingId) {
        Instant at = calendar.startOf(day).plus(10, ChronoUnit.HOURS);
        String patrol = unique("patrol");
        List<Map<String, Object>> findings = findingId == null ? List.of()
                : List.of(Map.of("id", findingId, "establishmentId", establishmentId, "category", "FIRE_SAFETY",
                "description", "灭火器过期", "deviceTime", at.plusSeconds(120).toString()));
        ok(admin().post("/api/v1/patrols/sync", Map.of("id", patrol, "unitId", place.unitId(),
                "inspectorId", inspector, "startedAt", at.toString(), "completedAt", at.plusSeconds(3600).toString(),
                "checkIns", List.of(Map.of("id", patrol + "-c", "establishmentId", establishmentId, "lat", LAT,
                        "lon", LON, "deviceTime", at.plusSeconds(60).toString())),
                "findings", findings)));
        return patrol;
    }

    @Test
    void aMajorRiskEstablishmentUnpatrolledFor91DaysIsOverdueAndALowRiskOneVisited100DaysAgoIsNot() {
        Place place = place(TOWN, "KEY");
        String major = registerEstablishment(place, "MAJOR");
        String low = registerEstablishment(place, "LOW");
        String inspector = registerInspector(place);
        LocalDate asOf = LocalDate.parse("2026-10-15");
        visit(inspector, place, major, asOf.minusDays(91), null);
        visit(inspector, place, low, asOf.minusDays(100), null);

        JsonNode plan = inspector(inspector).get("/api/v1/patrol-plan?inspectorId=" + inspector + "&asOf=" + asOf)
                .json();
        assertThat(plan.get("establishments").asInt()).isEqualTo(2);
        assertThat(plan.get("items").findValuesAsString("establishmentId")).containsExactly(major);
        assertThat(plan.get("items").get(0).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(plan.get("items").get(0).get("frequencyDays").asInt()).isEqualTo(91);

        JsonNode dayBefore = admin().get("/api/v1/patrol-plan?inspectorId=" + inspector + "&asOf="
                + asOf.minusDays(1) + "&all=true").json();
        assertThat(dayBefore.get("overdue").asInt()).isZero();
        JsonNode all = admin().get("/api/v1/patrol-plan?inspectorId=" + inspector + "&asOf=" + asOf + "&all=true")
                .json();
        JsonNode lowItem = null;
        for (JsonNode item : all.get("items")) {
            if (item.get("establishmentId").asString().equals(low)) {
                lowItem = item;
            }
        }
        assertThat(lowItem).isNotNull();
        assertThat(lowItem.get("status").asString()).isEqualTo("OK");
        assertThat(lowItem.get("dueBy").asString()).isEqualTo(asOf.plusDays(82).toString());
    }

    @Test
    void anUnprovenVisitDoesNotResetThePlan() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "SIGNIFICANT");
        String inspector = registerInspector(place);
        Instant at = calendar.startOf(LocalDate.parse("2026-09-01")).plus(9, ChronoUnit.HOURS);
        String patrol = unique("patrol");
        ok(admin().post("/api/v1/patrols/sync", Map.of("id", patrol, "unitId", place.unitId(), "inspectorId",
                inspector, "startedAt", at.toString(), "completedAt", at.plusSeconds(600).toString(),
                "checkIns", List.of(Map.of("id", patrol + "-c", "establishmentId", est, "lat", LAT + 0.045,
                        "lon", LON, "deviceTime", at.plusSeconds(60).toString())))));
        JsonNode plan = admin().get("/api/v1/patrol-plan?inspectorId=" + inspector + "&asOf=2026-09-10").json();
        assertThat(plan.get("items").get(0).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(plan.get("items").get(0).get("lastProvenVisitAt").isNull()).isTrue();
    }

    @Test
    void theMonthlyAssessmentCountsPatrolsCoverageFindingsAndFindingsClosedFromHazardEvents() {
        Place place = place(TOWN, "GENERAL");
        String a = registerEstablishment(place, "GENERAL");
        String b = registerEstablishment(place, "MAJOR");
        String inspector = registerInspector(place);
        String lazy = registerInspector(place);
        String finding1 = unique("finding");
        String finding2 = unique("finding");
        String patrol1 = visit(inspector, place, a, LocalDate.parse("2026-10-05"), finding1);
        String patrol2 = visit(inspector, place, b, LocalDate.parse("2026-10-20"), finding2);

        String hazard1 = UUID.randomUUID().toString();
        String hazard2 = UUID.randomUUID().toString();
        send(hazard1, "liuhua.hazard.reported.v1", Map.of("hazardId", hazard1, "source", "GRID_PATROL",
                "sourceRef", patrol1 + ":" + finding1, "establishmentId", a));
        send(hazard2, "liuhua.hazard.reported.v1", Map.of("hazardId", hazard2, "source", "GRID_PATROL",
                "sourceRef", patrol2 + ":" + finding2, "establishmentId", b));
        CloudEvent closed = event(hazard1, "liuhua.hazard.closed.v1", Map.of("hazardId", hazard1,
                "closedAt", "2026-10-28T08:00:00Z"));
        kafka.send(Topics.HAZARD, hazard1, closed);
        kafka.send(Topics.HAZARD, hazard1, closed);

        Awaitility.await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode assessment = townOfficer(TOWN).get("/api/v1/inspectors/" + inspector
                    + "/assessment?month=2026-10").json();
            assertThat(assessment.get("findingsClosed").asInt()).isEqualTo(1);
        });
        JsonNode assessment = townOfficer(TOWN).get("/api/v1/inspectors/" + inspector + "/assessment?month=2026-10")
                .json();
        assertThat(assessment.get("patrolsCompleted").asInt()).isEqualTo(2);
        assertThat(assessment.get("establishmentsCovered").asInt()).isEqualTo(2);
        assertThat(assessment.get("findings").asInt()).isEqualTo(2);
        assertThat(assessment.get("patrolsDue").asInt()).isEqualTo(2);
        assertThat(assessment.get("patrolsDone").asInt()).isEqualTo(2);
        assertThat(assessment.get("completionRate").asDouble()).isEqualTo(1.0);

        JsonNode ranking = townOfficer(TOWN).get("/api/v1/inspectors/ranking?townId=" + TOWN + "&month=2026-10")
                .json();
        List<String> order = ranking.findValuesAsString("inspectorId");
        assertThat(order.indexOf(inspector)).isLessThan(order.indexOf(lazy));
        assertThat(order.indexOf(inspector)).isNotNegative();
    }

    private void send(String key, String type, Map<String, Object> payload) {
        kafka.send(Topics.HAZARD, key, event(key, type, payload));
    }

    private static CloudEvent event(String key, String type, Map<String, Object> payload) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(type)
                .withSource(URI.create("/hazard-service")).withSubject(key)
                .withData("application/json", TestHttp.JSON.writeValueAsString(payload)
                        .getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
