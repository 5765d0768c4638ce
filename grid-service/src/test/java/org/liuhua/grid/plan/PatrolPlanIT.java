package org.liuhua.grid.plan;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PatrolPlanIT extends GridIT {

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PlanReadModels readModels;

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

    /** The plan item of an establishment in a plan answer (all=true), or null. */
    private static JsonNode item(JsonNode plan, String establishmentId) {
        for (JsonNode item : plan.get("items")) {
            if (item.get("establishmentId").asString().equals(establishmentId)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void dueAndOverdueFlipAtTheCalendarQuarterBoundaryForQuarterlyButNotForHalfYearlyEstablishments() {
        Place place = place(TOWN, "KEY");
        String quarterly = registerEstablishment(place, "MAJOR");
        String halfYearly = registerEstablishment(place, "LOW");
        String inspector = registerInspector(place);
        visit(inspector, place, quarterly, LocalDate.parse("2026-08-10"), null);
        visit(inspector, place, halfYearly, LocalDate.parse("2026-08-10"), null);
        String path = "/api/v1/patrol-plan?unitId=" + place.unitId() + "&all=true";

        nowIs(LocalDateTime.parse("2026-12-31T23:30:00"));
        JsonNode lastDayOfQ4 = townOfficer(TOWN).get(path).json();
        assertThat(lastDayOfQ4.get("asOf").asString()).isEqualTo("2026-12-31");
        assertThat(item(lastDayOfQ4, quarterly).get("status").asString()).isEqualTo("DUE");
        assertThat(item(lastDayOfQ4, quarterly).get("window").asString()).isEqualTo("2026-Q4");
        assertThat(item(lastDayOfQ4, quarterly).get("dueBy").asString()).isEqualTo("2026-12-31");
        assertThat(item(lastDayOfQ4, halfYearly).get("status").asString()).isEqualTo("OK");
        assertThat(item(lastDayOfQ4, halfYearly).get("window").asString()).isEqualTo("2026-H2");
        assertThat(lastDayOfQ4.get("overdue").asInt()).isZero();

        nowIs(LocalDateTime.parse("2027-01-01T00:30:00"));
        JsonNode firstDayOfQ1 = townOfficer(TOWN).get(path).json();
        assertThat(item(firstDayOfQ1, quarterly).get("status").asString()).isEqualTo("OVERDUE");
        assertThat(item(firstDayOfQ1, quarterly).get("dueBy").asString()).isEqualTo("2026-12-31");
        assertThat(item(firstDayOfQ1, quarterly).get("daysOverdue").asInt()).isEqualTo(1);
        assertThat(item(firstDayOfQ1, halfYearly).get("status").asString()).isEqualTo("DUE");
        assertThat(item(firstDayOfQ1, halfYearly).get("window").asString()).isEqualTo("2027-H1");
        assertThat(firstDayOfQ1.get("overdue").asInt()).isEqualTo(1);
        assertThat(firstDayOfQ1.get("due").asInt()).isEqualTo(1);
        assertThat(firstDayOfQ1.get("items").get(0).get("establishmentId").asString()).isEqualTo(quarterly);
        // the inspector's own plan agrees; a period names the day (its last day once it has ended)
        JsonNode own = inspector(inspector).get("/api/v1/patrol-plan?inspectorId=" + inspector).json();
        assertThat(own.get("overdue").asInt()).isEqualTo(1);
        JsonNode byPeriod = admin().get(path + "&period=2026-Q4").json();
        assertThat(byPeriod.get("asOf").asString()).isEqualTo("2026-12-31");
        assertThat(item(byPeriod, quarterly).get("status").asString()).isEqualTo("DUE");

        // coverage respects each establishment's frequency: Q4 needs a Q4 patrol of the quarterly one only
        JsonNode q4 = admin().get("/api/v1/coverage?unitId=" + place.unitId() + "&period=2026-Q4").json();
        assertThat(q4.get("establishments").asInt()).isEqualTo(2);
        assertThat(q4.get("covered").asInt()).isEqualTo(1);
        assertThat(q4.get("uncoveredIds").get(0).asString()).isEqualTo(quarterly);
        JsonNode q3 = admin().get("/api/v1/coverage?unitId=" + place.unitId() + "&period=2026-Q3").json();
        assertThat(q3.get("rate").asDouble()).isEqualTo(1.0);
        JsonNode h2 = admin().get("/api/v1/coverage?unitId=" + place.unitId() + "&period=2026-H2").json();
        assertThat(h2.get("covered").asInt()).isEqualTo(1);

        for (String bad : List.of("/api/v1/coverage?unitId=" + place.unitId() + "&period=2026-Q5",
                "/api/v1/patrol-plan?unitId=" + place.unitId() + "&period=Q4",
                "/api/v1/patrol-plan?unitId=" + place.unitId() + "&period=2026-Q4&asOf=2026-10-01")) {
            TestHttp.Response refused = admin().get(bad);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("period");
        }
        TestHttp.Response twoSubjects = admin().get("/api/v1/patrol-plan?unitId=" + place.unitId()
                + "&townId=" + TOWN);
        assertThat(twoSubjects.status()).isEqualTo(400);
        assertThat(twoSubjects.json().get("errors").findValuesAsString("field")).containsExactly("townId");
        TestHttp.Response none = admin().get("/api/v1/patrol-plan");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").findValuesAsString("field")).containsExactly("inspectorId");
    }

    @Test
    void theInspectorsWeeklyDueListHoldsTheOverdueAndThoseWhoseWindowEndsThisWeekMostUrgentFirst() {
        Place place = place(TOWN, "KEY");
        String neverPatrolled = registerEstablishment(place, "MAJOR");
        String patrolledLastQuarter = registerEstablishment(place, "SIGNIFICANT");
        String halfYearly = registerEstablishment(place, "GENERAL");
        String patrolledThisQuarter = registerEstablishment(place, "MAJOR");
        String inspector = registerInspector(place);
        // Wednesday 2027-03-31, the last day of Q1: the week runs from Monday 03-29 to Sunday 04-04
        nowIs(LocalDateTime.parse("2027-03-31T09:00:00"));
        visit(inspector, place, patrolledLastQuarter, LocalDate.parse("2026-11-10"), null);
        visit(inspector, place, halfYearly, LocalDate.parse("2026-11-10"), null);
        visit(inspector, place, patrolledThisQuarter, LocalDate.parse("2027-02-01"), null);

        JsonNode week = inspector(inspector).get("/api/v1/patrol-plan/my-week").json();
        assertThat(week.get("weekStart").asString()).isEqualTo("2027-03-29");
        assertThat(week.get("weekEnd").asString()).isEqualTo("2027-04-04");
        assertThat(week.get("items").findValuesAsString("establishmentId"))
                .containsExactly(neverPatrolled, patrolledLastQuarter);
        assertThat(week.get("overdue").asInt()).isEqualTo(1);
        assertThat(week.get("dueThisWeek").asInt()).isEqualTo(1);
        assertThat(week.get("items").get(1).get("dueBy").asString()).isEqualTo("2027-03-31");
        assertThat(week.get("totalElements").asInt()).isEqualTo(2);

        // a week later, in Q2: the one not patrolled in Q1 is overdue too; the half-yearly one is not due this week
        nowIs(LocalDateTime.parse("2027-04-07T09:00:00"));
        JsonNode next = inspector(inspector).get("/api/v1/patrol-plan/my-week").json();
        assertThat(next.get("items").findValuesAsString("establishmentId"))
                .containsExactlyInAnyOrder(neverPatrolled, patrolledLastQuarter);
        assertThat(next.get("overdue").asInt()).isEqualTo(2);
        assertThat(next.get("dueThisWeek").asInt()).isZero();

        assertThat(admin().get("/api/v1/patrol-plan/my-week").status()).isEqualTo(403);
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

    @Test
    void aFindingThatJoinedAnExistingHazardCountsAsFoundAndFollowedToClosureAndTheRankingExportsAsXlsx()
            throws Exception {
        String town = unique("zjg-rank");
        ensureTown(town, "考核镇 " + town, "TOWN", 6, 3);
        Place place = place(town, "GENERAL");
        String a = registerEstablishment(place, "GENERAL");
        String b = registerEstablishment(place, "MAJOR");
        String opener = registerInspector(place);
        String joiner = registerInspector(place);
        String idle = registerInspector(place);
        String f1 = unique("finding");
        String f2 = unique("finding");
        String p1 = visit(opener, place, a, LocalDate.parse("2026-10-05"), f1);
        String p2 = visit(joiner, place, a, LocalDate.parse("2026-10-12"), f2);
        visit(joiner, place, b, LocalDate.parse("2026-10-13"), null);

        String hazard = UUID.randomUUID().toString();
        send(hazard, "liuhua.hazard.reported.v1", Map.of("hazardId", hazard, "source", "GRID_PATROL",
                "sourceRef", p1 + ":" + f1, "establishmentId", a));
        send(hazard, "liuhua.hazard.corroborated.v1", Map.of("hazardId", hazard, "source", "GRID_PATROL",
                "establishmentId", a, "corroboratingSource", "GRID_PATROL", "corroboratingSourceRef", p2 + ":" + f2));
        String path = "/api/v1/inspectors/" + joiner + "/assessment?month=2026-10";
        Awaitility.await().atMost(20, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(townOfficer(town).get(path).json().get("hazardsFound").asInt()).isEqualTo(1));
        assertThat(townOfficer(town).get(path).json().get("findingsClosed").asInt()).isZero();

        send(hazard, "liuhua.hazard.closed.v1", Map.of("hazardId", hazard, "closedAt", "2026-10-28T08:00:00Z"));
        Awaitility.await().atMost(20, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(townOfficer(town).get(path).json().get("findingsClosed").asInt()).isEqualTo(1));
        JsonNode joined = inspector(joiner).get(path).json();
        assertThat(joined.get("findings").asInt()).isEqualTo(1);
        assertThat(joined.get("patrolsDue").asInt()).isEqualTo(2);
        assertThat(joined.get("patrolsDone").asInt()).isEqualTo(2);
        assertThat(joined.get("establishmentsCovered").asInt()).isEqualTo(2);
        JsonNode opened = admin().get("/api/v1/inspectors/" + opener + "/assessment?month=2026-10").json();
        assertThat(opened.get("hazardsFound").asInt()).isEqualTo(1);
        assertThat(opened.get("findingsClosed").asInt()).isEqualTo(1);
        assertThat(opened.get("patrolsDone").asInt()).isEqualTo(1);

        JsonNode ranking = townOfficer(town).get("/api/v1/inspectors/ranking?townId=" + town + "&month=2026-10")
                .json();
        assertThat(ranking.findValuesAsString("inspectorId")).containsExactly(joiner, opener, idle);
        List<Integer> ranks = new java.util.ArrayList<>();
        ranking.get("items").forEach(i -> ranks.add(i.get("rank").asInt()));
        assertThat(ranks).containsExactly(1, 2, 3);
        JsonNode sorted = townOfficer(town).get("/api/v1/inspectors/ranking?townId=" + town
                + "&month=2026-10&sort=completionRate,asc").json();
        assertThat(sorted.findValuesAsString("inspectorId")).containsExactly(idle, opener, joiner);
        List<String> cityOrder = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = admin().get("/api/v1/inspectors/ranking?month=2026-10&size=200&page=" + page).json();
            body.get("items").forEach(i -> cityOrder.add(i.get("assessment").get("inspectorId").asString()));
            if (page + 1 >= body.get("totalPages").asInt()) {
                break;
            }
        }
        assertThat(cityOrder.indexOf(joiner)).isNotNegative().isLessThan(cityOrder.indexOf(opener));
        assertThat(cityOrder.indexOf(opener)).isLessThan(cityOrder.indexOf(idle));
        // an inspector reads their town's ranking without the other inspectors' names
        JsonNode seenByIdle = inspector(idle).get("/api/v1/inspectors/ranking?townId=" + town + "&month=2026-10")
                .json();
        assertThat(seenByIdle.get("items").get(0).get("assessment").get("name").isNull()).isTrue();
        assertThat(seenByIdle.get("items").get(2).get("assessment").get("name").asString())
                .isEqualTo("巡查员 " + idle);
        assertThat(townOfficer(OTHER_TOWN).get("/api/v1/inspectors/ranking?townId=" + town).status())
                .isEqualTo(404);

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(townOfficer(town)
                .request("/api/v1/inspectors/ranking/export?townId=" + town + "&month=2026-10")
                .setHeader("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("巡查员编号");
            List<String> rows = new java.util.ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                rows.add(sheet.getRow(r).getCell(1).getStringCellValue());
                assertThat(sheet.getRow(r).getCell(0).getNumericCellValue()).isEqualTo(r);
            }
            assertThat(rows).containsExactly(joiner, opener, idle);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("巡查员 " + joiner);
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(12).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(13).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void theReadModelsAreFilledOnceFromThePatrolsAndHazardsStoredBeforeThem() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "MAJOR");
        String inspector = registerInspector(place);
        String finding = unique("finding");
        String patrol = visit(inspector, place, est, LocalDate.parse("2026-09-08"), finding);
        String hazard = UUID.randomUUID().toString();
        send(hazard, "liuhua.hazard.reported.v1", Map.of("hazardId", hazard, "source", "GRID_PATROL",
                "sourceRef", patrol + ":" + finding, "establishmentId", est));
        send(hazard, "liuhua.hazard.closed.v1", Map.of("hazardId", hazard, "closedAt", "2026-09-20T08:00:00Z"));
        String path = "/api/v1/inspectors/" + inspector + "/assessment?month=2026-09";
        Awaitility.await().atMost(20, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(admin().get(path).json().get("findingsClosed").asInt()).isEqualTo(1));

        // a database from before the read models: the patrols and hazards are there, the read models are not
        mongo.dropCollection("patrol_windows");
        mongo.dropCollection("inspector_months");
        assertThat(admin().get(path).json().get("establishmentsCovered").asInt()).isZero();
        readModels.run(null);

        JsonNode filled = admin().get(path).json();
        assertThat(filled.get("establishmentsCovered").asInt()).isEqualTo(1);
        assertThat(filled.get("patrolsCompleted").asInt()).isEqualTo(1);
        assertThat(filled.get("findings").asInt()).isEqualTo(1);
        assertThat(filled.get("hazardsFound").asInt()).isEqualTo(1);
        assertThat(filled.get("findingsClosed").asInt()).isEqualTo(1);
        JsonNode plan = admin().get("/api/v1/patrol-plan?unitId=" + place.unitId() + "&period=2026-Q3&all=true")
                .json();
        assertThat(item(plan, est).get("status").asString()).isEqualTo("OK");
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
