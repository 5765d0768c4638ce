package org.liuhua.hazard.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.manual.ChecklistItemFailed;
import org.liuhua.hazard.HazardIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** M-6: each failed item of a checklist run becomes exactly one hazard, also when the event is delivered twice. */
class ChecklistFindingsIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSelfCheckWithTwoFailedItemsOneMajorCreatesExactlyTwoHazardsAlsoWhenDeliveredTwice() {
        String est = unique("est-jinfeng");
        String run = unique("run");
        Instant checkedAt = Instant.now().minusSeconds(3600);
        ChecklistItemFailed major = new ChecklistItemFailed(run + ":GM-DUST-11-1", run, "GM-DUST-11-1", est, JINFENG,
                "dept-industry", "ENTERPRISE_SELF_CHECK", "MAJOR", "DUST_EXPLOSION", "粉尘爆炸危险场所设置在非框架结构的多层建构筑物内",
                "工贸企业重大事故隐患判定标准 第十一条（一）", null, "enterprise-officer", checkedAt);
        ChecklistItemFailed general = new ChecklistItemFailed(run + ":GEN-FIRE-2", run, "GEN-FIRE-2", est, JINFENG,
                "dept-industry", "ENTERPRISE_SELF_CHECK", "GENERAL", "FIRE_SAFETY", "疏散通道堆放杂物", null, null,
                "enterprise-officer", checkedAt);
        for (int delivery = 0; delivery < 2; delivery++) {
            publish(Topics.MANUAL, run, major);
            publish(Topics.MANUAL, run, general);
        }
        // a later run's item marks that both deliveries of both items were handled (one partition, one consumer)
        String marker = unique("run");
        publish(Topics.MANUAL, marker, new ChecklistItemFailed(marker + ":X", marker, "X", unique("est-jinfeng"),
                JINFENG, null, "ENTERPRISE_SELF_CHECK", "GENERAL", "FIRE_SAFETY", "marker", null, null, null,
                checkedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(new Query(Criteria.where("sourceKey")
                .is("CHECKLIST:" + marker + ":X")), "hazards"));

        JsonNode page = admin().get("/api/v1/hazards?establishmentId=" + est).json();
        assertThat(page.get("totalElements").asInt()).as(page.toString()).isEqualTo(2);
        List<String> severities = page.get("items").findValuesAsString("severity");
        assertThat(severities).containsExactlyInAnyOrder("MAJOR", "GENERAL");
        assertThat(page.get("items").findValuesAsString("source")).containsOnly("ENTERPRISE_SELF_CHECK");
        assertThat(page.get("items").findValuesAsString("sourceRef"))
                .containsExactlyInAnyOrder(run + ":GM-DUST-11-1", run + ":GEN-FIRE-2");
    }
}
