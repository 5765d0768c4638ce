package org.liuhua.grid.checklist;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patrol findings and cluster assessments reference only the hazard-check items manual-service published
 * ({@code liuhua.manual.checklist-item-published.v1}): a published code is accepted, an unknown one refused with 400
 * naming the field, and a redelivered publication keeps one item.
 */
class ChecklistItemCodesIT extends GridIT {

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ChecklistItemCodes items;

    @Test
    void aPublishedItemCodeIsAcceptedOnAFindingAndAnUnknownOneIsRefused() {
        String code = publishedItem("粉尘爆炸危险场所设置在非框架结构的多层建构筑物内");
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "SIGNIFICANT");
        String inspector = registerInspector(place);
        TestHttp app = inspector(inspector);
        String patrol = unique("patrol");
        Instant started = Instant.now().minus(1, ChronoUnit.HOURS);
        ok(app.post("/api/v1/patrols", Map.of("id", patrol, "unitId", place.unitId(), "startedAt",
                started.toString())));

        TestHttp.Response accepted = app.post("/api/v1/patrols/" + patrol + "/findings", finding(unique("f"), est,
                code, started));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().get("checklistItemId").asString()).isEqualTo(code);

        TestHttp.Response unknown = app.post("/api/v1/patrols/" + patrol + "/findings", finding(unique("f"), est,
                "NO-SUCH-ITEM", started));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("checklistItemId");

        // the offline app's whole patrol: the finding's index names the field, nothing is written
        String offline = unique("patrol");
        Map<String, Object> sync = Map.of("id", offline, "unitId", place.unitId(), "inspectorId", inspector,
                "startedAt", started.toString(), "checkIns", List.of(),
                "findings", List.of(finding(offline + "-f0", est, code, started),
                        finding(offline + "-f1", est, "NO-SUCH-ITEM", started)));
        TestHttp.Response refused = admin().post("/api/v1/patrols/sync", sync);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString())
                .isEqualTo("findings[1].checklistItemId");
        assertThat(admin().get("/api/v1/patrols/" + offline).status()).isEqualTo(404);

        // without a code (older apps) a finding is still accepted
        TestHttp.Response withoutCode = app.post("/api/v1/patrols/" + patrol + "/findings",
                finding(unique("f"), est, null, started));
        assertThat(withoutCode.status()).as(withoutCode.toString()).isEqualTo(201);
    }

    @Test
    void aClusterAssessmentMayNameFailedChecklistItemsButOnlyPublishedOnes() {
        String code = publishedItem("有限空间作业未履行“先通风、再检测、后作业”要求");
        Place place = place(TOWN, "GENERAL");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            members.add(registerEstablishment(place, "GENERAL"));
        }
        String cluster = unique("cluster-jinfeng");
        ok(admin().post("/api/v1/clusters", Map.of("id", cluster, "name", "锦丰集中区", "townId", TOWN,
                "memberIds", members)));
        TestHttp officer = townOfficer(TOWN);

        TestHttp.Response refused = officer.post("/api/v1/clusters/" + cluster + "/assessments",
                Map.of("establishmentId", members.get(0), "passed", false, "failedItems", List.of("item-3"),
                        "checklistItemCodes", List.of(code, "NO-SUCH-ITEM"), "assessedAt", "2026-09-01T02:00:00Z"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString())
                .isEqualTo("checklistItemCodes[1]");

        TestHttp.Response accepted = officer.post("/api/v1/clusters/" + cluster + "/assessments",
                Map.of("establishmentId", members.get(0), "passed", false, "failedItems", List.of("item-3"),
                        "checklistItemCodes", List.of(code), "assessedAt", "2026-09-01T02:00:00Z"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        var assessment = accepted.json().get("pendingAssessments").get(0);
        assertThat(assessment.get("checklistItemCodes").get(0).asString()).isEqualTo(code);
        assertThat(assessment.get("checklistItemCodes").size()).isEqualTo(1);

        // the older shape without codes keeps working
        ok(officer.post("/api/v1/clusters/" + cluster + "/assessments", Map.of("establishmentId", members.get(1),
                "passed", true, "assessedAt", "2026-09-01T02:00:00Z")));
    }

    @Test
    void aRedeliveredPublicationKeepsOneItem() {
        String code = "GM-IT-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent event = event(code, "贮氨器等设备未设置安全阀");
        kafka.send(Topics.MANUAL, code, event);
        kafka.send(Topics.MANUAL, code, event);
        // a later event of the same topic shows both copies were consumed
        String marker = publishedItem("标记");
        assertThat(items.known(code)).isTrue();
        assertThat(mongo.count(new Query(Criteria.where("_id").is(code)), "checklist_items")).isEqualTo(1);
        Document stored = mongo.findById(code, Document.class, "checklist_items");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("text")).isEqualTo("贮氨器等设备未设置安全阀");
        assertThat(stored.getBoolean("major")).isTrue();
        assertThat(items.unknown(List.of(code, marker, "NO-SUCH-ITEM"))).containsExactly("NO-SUCH-ITEM");
    }

    /** Publishes a fresh item as manual-service does and waits until grid-service knows it. */
    private String publishedItem(String text) {
        String code = "GM-IT-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.send(Topics.MANUAL, code, event(code, text));
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> items.known(code));
        return code;
    }

    private static Map<String, Object> finding(String id, String est, String code, Instant started) {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("id", id);
        finding.put("establishmentId", est);
        finding.put("category", "DUST_EXPLOSION");
        finding.put("severity", "MAJOR");
        finding.put("description", "除尘器未设置泄爆装置");
        if (code != null) {
            finding.put("checklistItemId", code);
        }
        finding.put("deviceTime", started.plusSeconds(300).toString());
        return finding;
    }

    private static CloudEvent event(String code, String text) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("domain", "GENERAL");
        payload.put("industries", List.of("MACHINERY"));
        payload.put("flags", List.of());
        payload.put("text", text);
        payload.put("legalDocument", "工贸企业重大事故隐患判定标准");
        payload.put("legalNumber", "应急管理部令第10号");
        payload.put("legalArticle", "第十一条");
        payload.put("legalClause", "（一）");
        payload.put("major", true);
        payload.put("category", "DUST_EXPLOSION");
        payload.put("verified", true);
        payload.put("publishedAt", "2026-11-01T00:00:00Z");
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType("liuhua.manual.checklist-item-published.v1")
                .withSource(URI.create("/manual-service")).withSubject(code)
                .withData("application/json", TestHttp.JSON.writeValueAsString(payload)
                        .getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
