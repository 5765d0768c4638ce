package org.liuhua.reporting.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.liuhua.reporting.projection.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drops and replays: every statistic read before a rebuild equals, figure for figure, the same statistic read from
 * the rebuilt generation; the queries answer while it runs; the new generation keeps consuming after the switch.
 */
class RebuildIT extends ReportingIntegrationTest {

    static final List<String> STATISTICS = List.of("/api/v1/stats/towns?size=200",
            "/api/v1/stats/industries?size=200", "/api/v1/stats/departments?size=200",
            "/api/v1/stats/months?from=2029-01&to=2031-12", "/api/v1/stats/open-at?date=2030-07-31",
            "/api/v1/stats/open-at?date=2030-08-15", "/api/v1/stats/hazards?list=open-major&size=200",
            "/api/v1/stats/hazards?list=overdue&size=200", "/api/v1/stats/hazards?list=escalated&size=200");

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    Projections projections;
    @Autowired
    MongoTemplate mongo;
    final List<java.util.concurrent.CompletableFuture<?>> sent = new java.util.ArrayList<>();

    TestHttp admin() {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("city-admin", Roles.CITY_ADMIN));
    }

    Map<String, JsonNode> everything() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        all.put("overview", admin().get("/api/v1/stats/overview").json().get("hazards"));
        for (String path : STATISTICS) {
            all.put(path, admin().get(path).json());
        }
        return all;
    }

    @Test
    void aRebuildGivesTheSameFiguresAndTheQueriesAnswerMeanwhile() throws Exception {
        String town = "zjg-rebuild-" + UUID.randomUUID().toString().substring(0, 6);
        String[] towns = {town + "-a", town + "-b"};
        String[] sources = {"GRID_PATROL", "ENTERPRISE_SELF_CHECK", "LAW_ENFORCEMENT"};
        Instant start = Instant.parse("2030-07-01T02:00:00Z");
        int events = 0;
        for (int i = 0; i < 30; i++) {
            String id = UUID.randomUUID().toString();
            String t = towns[i % 2];
            Instant at = start.plusSeconds(i * 86400L / 2);
            Map<String, Object> base = Map.of("townId", t, "departmentId", "dept-" + (i % 3), "industry",
                    i % 4 == 0 ? "CHEMICAL" : "MACHINERY", "severity", i % 5 == 0 ? "MAJOR" : "GENERAL",
                    "source", sources[i % 3]);
            send(id, "reported", 1, at, base, Map.of("state", "REPORTED", "reportedAt", at.toString()));
            events++;
            if (i % 3 == 0) {
                send(id, "overdue", 2, at.plusSeconds(5 * 86400), base, Map.of("state", "RECTIFYING",
                        "overdue", true));
                send(id, "escalated", 3, at.plusSeconds(6 * 86400), base, Map.of("state", "RECTIFYING",
                        "overdue", true, "level", 1));
                events += 2;
            }
            if (i % 2 == 0) {
                send(id, "enforced", 4, at.plusSeconds(8 * 86400), base, Map.of("state", "ENFORCEMENT",
                        "kind", "PENALTY", "penaltyAmountCny", 5000 + i, "caseNumber", "张应急罚〔2030〕" + i + "号"));
                send(id, "closed", 5, at.plusSeconds(9 * 86400), base, Map.of("state", "CLOSED",
                        "closedAt", at.plusSeconds(9 * 86400).toString()));
                events += 2;
            }
        }
        acknowledged();
        await().atMost(Duration.ofSeconds(90)).until(() -> admin().get("/api/v1/stats/towns?size=200").json()
                .get("items").findValuesAsString("townId").containsAll(List.of(towns))
                && townTotal(towns[0]) + townTotal(towns[1]) == 30
                && admin().get("/api/v1/stats/months?from=2030-07&to=2030-07").json().get("months").get(0).get("closed").asLong()
                == 15);
        // settled: two reads a moment apart agree
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(700))
                .until(() -> everything().equals(everything()));
        Map<String, JsonNode> before = everything();
        int from = projections.active().version();

        TestHttp.Response started = admin().post("/api/v1/admin/rebuild", Map.of());
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("fromGeneration").asInt()).isEqualTo(from);
        assertThat(started.json().get("toGeneration").asInt()).isEqualTo(from + 1);
        // while it runs: a second one is refused, and the queries answer
        assertThat(admin().post("/api/v1/admin/rebuild", Map.of()).status()).isEqualTo(409);
        JsonNode during = admin().get("/api/v1/stats/overview").json().get("hazards");
        assertThat(during).isEqualTo(before.get("overview"));

        await().atMost(Duration.ofSeconds(120)).until(() ->
                admin().get("/api/v1/admin/rebuild").json().get("phase").asString().matches("DONE|FAILED"));
        JsonNode status = admin().get("/api/v1/admin/rebuild").json();
        assertThat(status.get("phase").asString()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.get("activeGeneration").asInt()).isEqualTo(from + 1);
        assertThat(status.get("partitions").findValuesAsString("topic")).contains(Topics.HAZARD);
        assertThat(status.get("partitions").findValues("progress")).allMatch(p -> p.asDouble() == 1.0);
        assertThat(projections.active().version()).isEqualTo(from + 1);
        assertThat(mongo.collectionExists("hazard_facts_v" + from)).as("the old generation is dropped").isFalse();

        Map<String, JsonNode> after = everything();
        for (String key : before.keySet()) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }

        // the rebuilt generation is the live one now
        String later = UUID.randomUUID().toString();
        send(later, "reported", 1, start, Map.of("townId", towns[0], "departmentId", "dept-0", "industry",
                "MACHINERY", "severity", "GENERAL", "source", "GRID_PATROL"), Map.of("state", "REPORTED"));
        acknowledged();
        long total = before.get("overview").get("total").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                admin().get("/api/v1/stats/overview").json().get("hazards").get("total").asLong() == total + 1);
    }

    private long townTotal(String town) {
        for (JsonNode row : admin().get("/api/v1/stats/towns?size=200").json().get("items")) {
            if (town.equals(row.get("townId").asString())) {
                return row.get("total").asLong();
            }
        }
        return 0;
    }

    private void send(String hazardId, String what, long revision, Instant at, Map<String, Object> base,
                      Map<String, Object> extra) throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>(base);
        payload.put("hazardId", hazardId);
        payload.put("establishmentId", "est-" + base.get("townId") + "-" + (hazardId.hashCode() & 7));
        payload.put("category", "FIRE_SAFETY");
        payload.put("deadline", "2030-12-31");
        payload.put("revision", revision);
        payload.put("occurredAt", at.toString());
        payload.put("actor", "李卫东");
        payload.putAll(extra);
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType("liuhua.hazard." + what + ".v1").withSource(URI.create("/liuhua/hazard-service"))
                .withSubject(hazardId).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
        sent.add(kafka.send(new ProducerRecord<>(Topics.HAZARD, hazardId, event)));
    }

    private void acknowledged() throws Exception {
        for (java.util.concurrent.CompletableFuture<?> ack : sent) {
            ack.get();
        }
        sent.clear();
    }
}
