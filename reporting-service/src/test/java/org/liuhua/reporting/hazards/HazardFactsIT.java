package org.liuhua.reporting.hazards;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
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

/** Events in → read model → cockpit figures, against the real embedded broker; duplicates and stale events. */
class HazardFactsIT extends ReportingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    TestHttp api(String role) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("someone", role));
    }

    JsonNode overview() {
        return api(Roles.COCKPIT_VIEWER).get("/api/v1/stats/overview").json().get("hazards");
    }

    @Test
    void aReportedHazardIsCountedOnceEvenWhenItsEventArrivesTwice() throws Exception {
        long before = overview().get("total").asLong();
        String hazardId = UUID.randomUUID().toString();
        CloudEvent reported = event("reported", hazardId, "zjg-jinfeng", "REPORTED", 1, Map.of());
        send(hazardId, reported);
        send(hazardId, reported);
        // a different hazard after the duplicate proves the duplicate was consumed, not still pending
        String marker = UUID.randomUUID().toString();
        send(marker, event("reported", marker, "zjg-jinfeng", "REPORTED", 1, Map.of()));

        await().atMost(Duration.ofSeconds(20)).until(() -> overview().get("total").asLong() >= before + 2);
        JsonNode hazards = overview();
        assertThat(hazards.get("total").asLong()).isEqualTo(before + 2);
        assertThat(hazards.get("bySource").get("GRID_PATROL").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(hazards.get("byState").get("REPORTED").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void laterEventsMoveTheStateAndAStaleEventDoesNotMoveItBack() throws Exception {
        String hazardId = UUID.randomUUID().toString();
        String town = "zjg-test-" + UUID.randomUUID().toString().substring(0, 8);
        send(hazardId, event("reported", hazardId, town, "REPORTED", 1, Map.of()));
        send(hazardId, event("enforced", hazardId, town, "ENFORCEMENT", 5,
                Map.of("kind", "PENALTY", "caseNumber", "张应急罚〔2026〕101号", "penaltyAmountCny", 20000)));
        send(hazardId, event("closed", hazardId, town, "CLOSED", 6, Map.of("closedAt", Instant.now().toString())));
        send(hazardId, event("transferred", hazardId, town, "TRANSFERRED", 2, Map.of()));
        String other = UUID.randomUUID().toString();
        send(other, event("reported", other, town, "REPORTED", 1, Map.of()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode row = townRow(town);
            assertThat(row).isNotNull();
            assertThat(row.get("total").asLong()).isEqualTo(2);
            assertThat(row.get("closed").asLong()).isEqualTo(1);
        });
        assertThat(townRow(town).get("closureRate").asDouble()).isEqualTo(0.5);
        assertThat(overview().get("byState").get("CLOSED").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theFiguresNeedAnOfficersRole() {
        assertThat(api(Roles.THIRD_PARTY_FIRM).get("/api/v1/stats/overview").status()).isEqualTo(403);
        assertThat(api(Roles.TOWN_OFFICER).get("/api/v1/stats/towns").status()).isEqualTo(403);
        assertThat(api(Roles.TOWN_OFFICER).get("/api/v1/stats/months").status()).isEqualTo(403);
        assertThat(new TestHttp("http://127.0.0.1:" + port).get("/api/v1/stats/overview").status()).isEqualTo(401);
    }

    @Test
    void theTownsAreOnePageRankedByClosureRate() throws Exception {
        String town = "zjg-rank-" + UUID.randomUUID().toString().substring(0, 8);
        String closed = UUID.randomUUID().toString();
        send(closed, event("reported", closed, town, "REPORTED", 1, Map.of()));
        send(closed, event("closed", closed, town, "CLOSED", 2, Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> townRow(town) != null
                && townRow(town).get("closed").asLong() == 1);

        JsonNode page = api(Roles.COCKPIT_VIEWER).get("/api/v1/stats/towns?size=200").json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(page.get("items").size());
        List<Double> rates = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        page.get("items").forEach(row -> {
            rates.add(row.get("closureRate").asDouble());
            ranks.add(row.get("rank").asInt());
        });
        assertThat(rates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ranks).isEqualTo(java.util.stream.IntStream.rangeClosed(1, ranks.size()).boxed().toList());
        assertThat(townRow(town).get("closureRate").asDouble()).isEqualTo(1.0);

        JsonNode byName = api(Roles.COCKPIT_VIEWER).get("/api/v1/stats/towns?size=200&sort=townId,asc").json();
        List<String> towns = new ArrayList<>();
        byName.get("items").forEach(row -> towns.add(row.get("townId").asString()));
        assertThat(towns).isSorted();
        assertThat(api(Roles.COCKPIT_VIEWER).get("/api/v1/stats/towns?sort=closed").status()).isEqualTo(400);
        assertThat(api(Roles.COCKPIT_VIEWER).get("/api/v1/stats/towns?size=1").json().get("items").size())
                .isEqualTo(1);
    }

    @Test
    void monthsAreTheCitysReportedAtTheCitysMidnightNotAtUtcs() throws Exception {
        // 16:30 UTC on 31 May is 00:30 on 1 June in the city
        String early = UUID.randomUUID().toString();
        send(early, event("reported", early, "zjg-month", "REPORTED", 1,
                Map.of("reportedAt", "2031-05-31T16:30:00Z")));
        String closedLate = UUID.randomUUID().toString();
        send(closedLate, event("reported", closedLate, "zjg-month", "REPORTED", 1,
                Map.of("reportedAt", "2031-05-31T15:30:00Z")));
        send(closedLate, event("closed", closedLate, "zjg-month", "CLOSED", 2,
                Map.of("closedAt", "2031-06-30T16:00:00Z")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, JsonNode> months = months();
            assertThat(months).containsKeys("2031-05", "2031-06", "2031-07");
            assertThat(months.get("2031-06").get("closed").asLong()).isZero();
            assertThat(months.get("2031-07").get("closed").asLong()).isEqualTo(1);
        });
        Map<String, JsonNode> months = months();
        assertThat(months.get("2031-05").get("reported").asLong()).isEqualTo(1);
        assertThat(months.get("2031-06").get("reported").asLong()).isEqualTo(1);
        assertThat(months.get("2031-07").get("reported").asLong()).isZero();

        List<String> newestFirst = new ArrayList<>();
        api(Roles.COCKPIT_VIEWER).get("/api/v1/stats/months?size=200").json().get("items")
                .forEach(row -> newestFirst.add(row.get("month").asString()));
        assertThat(newestFirst).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private Map<String, JsonNode> months() {
        Map<String, JsonNode> months = new LinkedHashMap<>();
        api(Roles.CITY_ADMIN).get("/api/v1/stats/months?size=200&sort=month,asc").json().get("items")
                .forEach(row -> months.put(row.get("month").asString(), row));
        return months;
    }

    private JsonNode townRow(String town) {
        for (JsonNode row : api(Roles.CITY_ADMIN).get("/api/v1/stats/towns?size=200").json().get("items")) {
            if (town.equals(row.get("townId").asString())) {
                return row;
            }
        }
        return null;
    }

    private void send(String key, CloudEvent event) throws Exception {
        kafka.send(new ProducerRecord<>(Topics.HAZARD, key, event)).get();
    }

    private static CloudEvent event(String what, String hazardId, String town, String state, long revision,
                                    Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("hazardId", hazardId);
        payload.put("establishmentId", "est-jinfeng-0001");
        payload.put("townId", town);
        payload.put("departmentId", "dept-industry");
        payload.put("category", "FIRE_SAFETY");
        payload.put("severity", "GENERAL");
        payload.put("source", "GRID_PATROL");
        payload.put("state", state);
        payload.put("deadline", LocalDate.now().plusDays(30).toString());
        payload.put("overdue", false);
        payload.put("revision", revision);
        payload.put("occurredAt", Instant.now().toString());
        payload.put("actor", "someone");
        payload.putAll(extra);
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType("liuhua.hazard." + what + ".v1").withSource(URI.create("/liuhua/hazard-service"))
                .withSubject(hazardId).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes()).build();
    }
}
