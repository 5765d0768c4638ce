package org.liuhua.hazard.known;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Grid events in: the known establishments, inspector bindings, and patrol findings as hazards exactly once. */
class GridEventsIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    EstablishmentRegistered registered(String id, String townId, String departmentId, String unitId, long revision) {
        return new EstablishmentRegistered(id, "张家港某机械厂", "INDUSTRIAL", "MACHINERY", departmentId, townId,
                townId + "-v01", townId + "-v01-g1", unitId, "GENERAL", List.of(), 40, "锦丰镇某路1号", 31.9, 120.6,
                null, null, Instant.now(), revision);
    }

    void awaitBinding(String inspectorId, String unitId, boolean present) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("_id")
                .is(inspectorId + ":" + unitId)), "inspector_bindings") == present);
    }

    @Test
    void aKnownEstablishmentGivesTownDepartmentAndIndustryAndTheHighestRevisionWins() {
        String est = unique("est-jinfeng");
        String unit = unique("unit");
        publish(Topics.GRID, est, registered(est, JINFENG, "dept-industry", unit, 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("_id").is(est)),
                "establishments"));
        EstablishmentRegistered stale = registered(est, TANGQIAO, "dept-fire", unit, 1);
        publish(Topics.GRID, est, new EstablishmentChanged(stale.establishmentId(), stale.name(), stale.kind(),
                stale.industry(), stale.departmentId(), stale.townId(), stale.villageId(), stale.gridId(),
                stale.unitId(), stale.riskLevel(), stale.flags(), stale.employeeCount(), stale.address(),
                stale.latitude(), stale.longitude(), null, null, Instant.now(), 1));
        String marker = unique("insp");
        publish(Topics.GRID, marker, new InspectorBound(marker, "巡查员", "FULL_TIME", unit, JINFENG, Instant.now(),
                "town-officer"));
        awaitBinding(marker, unit, true);

        TestHttp.Response wrongTown = admin().post("/api/v1/hazards", Map.of("establishmentId", est, "townId",
                TANGQIAO, "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT", "description", "d"));
        assertThat(wrongTown.status()).as(wrongTown.toString()).isEqualTo(400);
        assertThat(wrongTown.json().get("errors").findValuesAsString("field")).containsExactly("townId");

        TestHttp.Response created = admin().post("/api/v1/hazards", Map.of("establishmentId", est, "townId",
                JINFENG, "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT", "description", "d"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("departmentId").asString()).isEqualTo("dept-industry");
        assertThat(created.json().get("industry").asString()).isEqualTo("MACHINERY");
        assertThat(created.json().get("townId").asString()).isEqualTo(JINFENG);
        String id = created.json().get("id").asString();
        assertThat(departmentOfficer("dept-industry").get("/api/v1/hazards/" + id).status()).isEqualTo(200);

        // an enterprise officer reports its own establishment's self-check findings only
        TestHttp.Response notSelfCheck = enterpriseOfficer(est).post("/api/v1/hazards", Map.of("establishmentId", est,
                "townId", JINFENG, "category", "GAS", "source", "GRID_PATROL", "description", "d"));
        assertThat(notSelfCheck.status()).isEqualTo(400);
        assertThat(notSelfCheck.json().get("errors").findValuesAsString("field")).containsExactly("source");
        TestHttp.Response selfCheck = enterpriseOfficer(est).post("/api/v1/hazards", Map.of("establishmentId", est,
                "townId", JINFENG, "category", "GAS", "source", "ENTERPRISE_SELF_CHECK", "description", "燃气报警器失灵"));
        assertThat(selfCheck.status()).as(selfCheck.toString()).isEqualTo(201);
        assertThat(enterpriseOfficer("est-elsewhere").post("/api/v1/hazards", Map.of("establishmentId", est,
                "townId", JINFENG, "category", "GAS2", "source", "ENTERPRISE_SELF_CHECK", "description", "d"))
                .status()).as("another establishment's officer").isEqualTo(403);

        // the bound inspector sees the hazards of the establishments in their unit, until unbound
        assertThat(inspector(marker).get("/api/v1/hazards/" + id).status()).isEqualTo(200);
        assertThat(inspector("insp-other").get("/api/v1/hazards/" + id).status()).isEqualTo(404);
        TestHttp.Response byInspector = inspector(marker).post("/api/v1/hazards", Map.of("establishmentId", est,
                "townId", JINFENG, "category", "ELECTRICAL", "source", "GRID_PATROL", "description", "配电箱未上锁"));
        assertThat(byInspector.status()).as(byInspector.toString()).isEqualTo(201);
        String own = byInspector.json().get("id").asString();
        publish(Topics.GRID, marker, new InspectorUnbound(marker, unit, JINFENG, Instant.now(), "town-officer"));
        awaitBinding(marker, unit, false);
        assertThat(inspector(marker).get("/api/v1/hazards/" + id).status()).isEqualTo(404);
        assertThat(inspector(marker).get("/api/v1/hazards/" + own).status())
                .as("an inspector keeps seeing the hazards they reported").isEqualTo(200);
    }

    @Test
    void aPatrolFindingDeliveredTwiceBecomesOneGridPatrolHazard() {
        String est = unique("est-jinfeng");
        String findingId = unique("finding");
        String patrolId = unique("patrol");
        PatrolFindingRecorded finding = new PatrolFindingRecorded(findingId, patrolId, "insp-jinfeng-01",
                est, JINFENG, "FIRE_SAFETY", "MAJOR", "灭火器过期", "chk-7", Instant.now().minusSeconds(600),
                Instant.now());
        publish(Topics.GRID, findingId, finding);
        publish(Topics.GRID, findingId, finding);
        // patrol findings have a consumer of their own: once a later finding is in, both deliveries were handled
        String marker = unique("finding");
        String markerPatrol = unique("patrol");
        publish(Topics.GRID, marker, new PatrolFindingRecorded(marker, markerPatrol, "insp-jinfeng-01",
                unique("est-jinfeng"), JINFENG, "GAS", "GENERAL", "marker", "chk-1", Instant.now(), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("sourceKey")
                .is("GRID_PATROL:" + markerPatrol + ":" + marker)), "hazards"));

        JsonNode page = admin().get("/api/v1/hazards?establishmentId=" + est).json();
        assertThat(page.get("totalElements").asInt()).as(page.toString()).isEqualTo(1);
        JsonNode hazard = page.get("items").get(0);
        assertThat(hazard.get("source").asString()).isEqualTo("GRID_PATROL");
        assertThat(hazard.get("sourceRef").asString()).isEqualTo(patrolId + ":" + findingId);
        assertThat(hazard.get("severity").asString()).isEqualTo("MAJOR");
        assertThat(hazard.get("reporterRole").asString()).isEqualTo("INSPECTOR");
        // a list item is a summary: the corroborations are on the detail
        JsonNode detail = admin().get("/api/v1/hazards/" + hazard.get("id").asString()).json();
        assertThat(detail.get("corroborations").size()).isZero();
        assertThat(inspector("insp-jinfeng-01").get("/api/v1/hazards/" + hazard.get("id").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void patrolFindingsAreKeyedByPatrolSoAnotherPatrolsFindingWithTheSameIdIsItsOwn() {
        String findingId = unique("finding"); // chosen by the app: two phones may choose the same
        String estA = unique("est-jinfeng");
        String estB = unique("est-jinfeng");
        Instant now = Instant.now();
        publish(Topics.GRID, findingId, new PatrolFindingRecorded(findingId, unique("patrol"), "insp-jinfeng-01",
                estA, JINFENG, "FIRE_SAFETY", "GENERAL", "疏散通道堵塞", "chk-1", now.minusSeconds(60), now));
        publish(Topics.GRID, findingId, new PatrolFindingRecorded(findingId, unique("patrol"), "insp-jinfeng-02",
                estB, JINFENG, "FIRE_SAFETY", "GENERAL", "灭火器失效", "chk-2", now.minusSeconds(30), now));
        // an event from before patrols were named, then the same finding again naming its patrol: still one finding
        String older = unique("finding");
        String estC = unique("est-jinfeng");
        PatrolFindingRecorded unnamed = new PatrolFindingRecorded(older, null, "insp-jinfeng-03", estC, JINFENG,
                "GAS", "GENERAL", "燃气报警器损坏", "chk-3", now.minusSeconds(90), now);
        publish(Topics.GRID, older, unnamed);
        publish(Topics.GRID, older, new PatrolFindingRecorded(older, unique("patrol"), "insp-jinfeng-03", estC,
                JINFENG, "GAS", "GENERAL", "燃气报警器损坏", "chk-3", now.minusSeconds(90), now));
        String marker = unique("finding");
        String markerPatrol = unique("patrol");
        publish(Topics.GRID, marker, new PatrolFindingRecorded(marker, markerPatrol, "insp-jinfeng-01",
                unique("est-jinfeng"), JINFENG, "GAS", "GENERAL", "marker", "chk-1", now, now));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("sourceKey")
                .is("GRID_PATROL:" + markerPatrol + ":" + marker)), "hazards"));

        for (String est : java.util.List.of(estA, estB)) {
            JsonNode page = admin().get("/api/v1/hazards?establishmentId=" + est).json();
            assertThat(page.get("totalElements").asInt()).as(est + " " + page).isEqualTo(1);
            assertThat(page.get("items").get(0).get("sourceRef").asString()).endsWith(":" + findingId);
        }
        JsonNode olderPage = admin().get("/api/v1/hazards?establishmentId=" + estC).json();
        assertThat(olderPage.get("totalElements").asInt()).isEqualTo(1);
        JsonNode detail = admin().get("/api/v1/hazards/" + olderPage.get("items").get(0).get("id").asString()).json();
        assertThat(detail.get("corroborations").size()).as("the renamed redelivery is no second finding").isZero();
    }
}
