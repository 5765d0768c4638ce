package org.liuhua.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Across services through the gateway and Kafka (M-6): an enterprise officer's self-check run in manual-service with
 * two failed items, one of them major, becomes exactly two hazards in hazard-service (one MAJOR, source
 * ENTERPRISE_SELF_CHECK, each keyed by run and item) — also when the {@code checklist-item-failed} events are
 * delivered a second time with the same CloudEvent ids.
 */
class ChecklistToHazardE2EIT {

    static final String FAILED = "liuhua.manual.checklist-item-failed.v1";
    static final String ESTABLISHMENT = "est-jinfeng-0001";

    @Test
    void aSelfCheckWithTwoFailedItemsOneMajorBecomesExactlyTwoHazardsAlsoWhenTheEventsComeTwice() throws Exception {
        DemoFixture.ensure();
        TestHttp enterprise = RunningPlatform.gatewayAs(RunningPlatform.userToken("enterprise-officer"));
        TestHttp admin = RunningPlatform.gateway();
        // manual-service learns the establishment from grid-service's events
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> enterprise.get("/api/v1/handbooks/" + ESTABLISHMENT).status() == 200);

        TestHttp.Response started = enterprise.post("/api/v1/checklists/runs", Map.of("establishmentId",
                ESTABLISHMENT, "source", "ENTERPRISE_SELF_CHECK"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String runId = started.json().get("id").asString();
        JsonNode items = started.json().get("items");
        String majorCode = null;
        String generalCode = null;
        for (JsonNode item : items) {
            if (majorCode == null && item.get("major").asBoolean()) {
                majorCode = item.get("code").asString();
            } else if (generalCode == null && !item.get("major").asBoolean()) {
                generalCode = item.get("code").asString();
            }
        }
        assertThat(majorCode).as("a major item for a textile mill: " + items).isNotNull();
        assertThat(generalCode).as("a general item: " + items).isNotNull();

        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode item : items) {
            String code = item.get("code").asString();
            if (code.equals(majorCode)) {
                results.add(Map.of("itemCode", code, "result", "FAIL", "note", "自查发现：重大事故隐患情形，现场拍照留存"));
            } else if (code.equals(generalCode)) {
                results.add(Map.of("itemCode", code, "result", "FAIL", "note", "自查发现：一般隐患，已告知班组长"));
            } else {
                results.add(Map.of("itemCode", code, "result", "PASS"));
            }
        }
        TestHttp.Response recorded = enterprise.post("/api/v1/checklists/runs/" + runId + "/results",
                Map.of("results", results));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        TestHttp.Response completed = enterprise.post("/api/v1/checklists/runs/" + runId + "/complete", "");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().get("failed").asInt()).isEqualTo(2);
        assertThat(completed.json().get("majorFailed").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> hazardsOf(admin, runId).size() >= 2);
        assertExactlyTwo(hazardsOf(admin, runId), runId, majorCode, generalCode);

        // re-deliver the two events as they are (same CloudEvent ids, same keys) and give them time to arrive
        String bootstrap = RunningPlatform.get().kafka().bootstrapServers();
        List<ConsumerRecord<String, CloudEvent>> delivered;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.MANUAL)) {
            delivered = probe.await(r -> runId.equals(r.key()) && FAILED.equals(r.value().getType()), 2,
                    Duration.ofSeconds(30));
        }
        assertThat(delivered).hasSize(2);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new CloudEventSerializer())) {
            for (ConsumerRecord<String, CloudEvent> record : delivered) {
                producer.send(new ProducerRecord<>(Topics.MANUAL, record.key(), record.value()))
                        .get(10, TimeUnit.SECONDS);
            }
        }
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.MANUAL)) {
            assertThat(probe.await(r -> runId.equals(r.key()) && FAILED.equals(r.value().getType()), 4,
                    Duration.ofSeconds(30))).as("the events are on the topic twice").hasSize(4);
        }
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertExactlyTwo(hazardsOf(admin, runId), runId, majorCode, generalCode);
    }

    private static void assertExactlyTwo(List<JsonNode> hazards, String runId, String majorCode, String generalCode) {
        assertThat(hazards).as(hazards.toString()).hasSize(2);
        JsonNode major = hazards.stream().filter(h -> h.get("sourceRef").asString().equals(runId + ":" + majorCode))
                .findFirst().orElseThrow(() -> new AssertionError("no hazard for " + majorCode + ": " + hazards));
        JsonNode general = hazards.stream()
                .filter(h -> h.get("sourceRef").asString().equals(runId + ":" + generalCode)).findFirst()
                .orElseThrow(() -> new AssertionError("no hazard for " + generalCode + ": " + hazards));
        assertThat(major.get("severity").asString()).isEqualTo("MAJOR");
        assertThat(general.get("severity").asString()).isEqualTo("GENERAL");
        for (JsonNode hazard : hazards) {
            assertThat(hazard.get("source").asString()).isEqualTo("ENTERPRISE_SELF_CHECK");
            assertThat(hazard.get("establishmentId").asString()).isEqualTo(ESTABLISHMENT);
            assertThat(hazard.get("townId").asString()).isEqualTo("zjg-jinfeng");
        }
    }

    /** The establishment's self-check hazards that came from this run (every page). */
    private static List<JsonNode> hazardsOf(TestHttp api, String runId) {
        List<JsonNode> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            TestHttp.Response response = api.get("/api/v1/hazards?source=ENTERPRISE_SELF_CHECK&establishmentId="
                    + ESTABLISHMENT + "&size=200&page=" + page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            for (JsonNode hazard : response.json().get("items")) {
                if (hazard.get("sourceRef").asString().startsWith(runId + ":")) {
                    found.add(hazard);
                }
            }
            if (page + 1 >= response.json().get("totalPages").asInt()) {
                return found;
            }
        }
    }
}
