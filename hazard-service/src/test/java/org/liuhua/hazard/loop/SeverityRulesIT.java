package org.liuhua.hazard.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.hazard.HazardSeverityRaised;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Severity and the major-hazard rules (H-3): raising a general hazard to major, the supervision order before the
 * rectification, no penalty on a rectified self-reported major hazard, a report naming only a known establishment.
 */
class SeverityRulesIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRaisedHazardJoinsTheMajorRegisterAndIsRectifiedOnlyAfterTheSupervisionOrder() {
        String id = report(unique("est-jinfeng"), JINFENG, "DUST_EXPLOSION", null, "GRID_PATROL");
        TestHttp town = townOfficer(JINFENG);

        TestHttp.Response noReason = town.post("/api/v1/hazards/" + id + "/raise-severity", Map.of("reason", " "));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(inspector(unique("insp")).post("/api/v1/hazards/" + id + "/raise-severity",
                Map.of("reason", "x")).status()).isEqualTo(403);

        TestHttp.Response raised = town.post("/api/v1/hazards/" + id + "/raise-severity",
                Map.of("reason", "除尘系统未设置泄爆装置，属工贸行业重大事故隐患判定标准所列情形"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(raised.json().get("severity").asString()).isEqualTo("MAJOR");
        assertThat(raised.json().get("severityRaisedReason").asString()).contains("泄爆装置");
        assertThat(raised.json().get("allowedCommands").toString()).contains("supervision-order")
                .doesNotContain("raise-severity");
        assertThat(town.post("/api/v1/hazards/" + id + "/raise-severity", Map.of("reason", "again")).status())
                .isEqualTo(409);
        assertThat(town.get("/api/v1/hazards/major-register?size=200&sort=reportedAt,desc").json().get("items")
                .findValuesAsString("id")).contains(id);

        town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true));
        TestHttp.Response early = admin2().post("/api/v1/hazards/" + id + "/rectify", fiveParts());
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("supervision-before-rectification");
        assertThat(early.json().get("allowedCommands").toString()).contains("supervision-order")
                .doesNotContain("rectify");
        town.post("/api/v1/hazards/" + id + "/supervision-order", Map.of("orderNumber", "锦丰督〔2026〕9号"));
        assertThat(admin2().post("/api/v1/hazards/" + id + "/rectify", fiveParts()).status()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            var events = probe.await(r -> id.equals(r.key())
                    && r.value().getType().equals("liuhua.hazard.severity-raised.v1"), 1, Duration.ofSeconds(20));
            HazardSeverityRaised event = EventJson.read(events.get(0).value(), HazardSeverityRaised.class);
            assertThat(event.severity()).isEqualTo("MAJOR");
            assertThat(event.previousSeverity()).isEqualTo("GENERAL");
            assertThat(event.reason()).contains("泄爆装置");
        }
    }

    @Test
    void aRectifiedSelfReportedMajorHazardIsNotPenalised() {
        String id = report(unique("est-jinfeng"), JINFENG, "AMMONIA", "MAJOR", "ENTERPRISE_SELF_CHECK");
        TestHttp town = townOfficer(JINFENG);
        town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true));
        town.post("/api/v1/hazards/" + id + "/supervision-order", Map.of("orderNumber", "锦丰督〔2026〕10号"));
        admin2().post("/api/v1/hazards/" + id + "/rectify", fiveParts());
        assertThat(town.post("/api/v1/hazards/" + id + "/review", Map.of("passed", true)).status()).isEqualTo(200);

        TestHttp.Response penalty = town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "PENALTY",
                "penaltyAmountCny", 50000, "caseNumber", "张应急罚〔2026〕21号"));
        assertThat(penalty.status()).as(penalty.toString()).isEqualTo(400);
        assertThat(penalty.json().get("errors").findValuesAsString("field")).containsExactly("kind");
        assertThat(penalty.json().get("errors").get(0).get("message").asString()).contains("自查上报并整改");
        assertThat(town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "EXEMPT", "note",
                "自查上报并整改，依法免予行政处罚")).status()).isEqualTo(200);
    }

    @Test
    void aKnownEstablishmentNeedsOnlyItsIdAndAnUnknownOneItsTown() {
        String est = unique("est-jinfeng");
        publish(Topics.GRID, est, new EstablishmentRegistered(est, "张家港锦丰某纺织有限公司", "INDUSTRIAL", "TEXTILE",
                "dept-industry", JINFENG, JINFENG + "-v01", JINFENG + "-v01-g1", null, "GENERAL", List.of(), 85,
                "锦丰镇兴业路18号", 31.95, 120.65, null, null, Instant.now(), 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("_id").is(est)),
                "establishments"));

        TestHttp.Response created = townOfficer(JINFENG).post("/api/v1/hazards", Map.of("establishmentId", est,
                "category", "FIRE_SAFETY", "source", "GRID_PATROL", "description", "车间疏散通道堆放原料"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode hazard = created.json();
        assertThat(hazard.get("townId").asString()).isEqualTo(JINFENG);
        assertThat(hazard.get("departmentId").asString()).isEqualTo("dept-industry");
        assertThat(hazard.get("industry").asString()).isEqualTo("TEXTILE");

        TestHttp.Response unknown = admin().post("/api/v1/hazards", Map.of("establishmentId", unique("est-x"),
                "category", "FIRE_SAFETY", "source", "GRID_PATROL", "description", "d"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("townId");
    }
}
