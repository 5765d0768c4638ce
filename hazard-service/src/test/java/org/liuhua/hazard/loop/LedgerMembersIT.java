package org.liuhua.hazard.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger of one establishment is read by {@code _id} — its members, then those hazards (ADR 14) — and answers
 * exactly what the query on {@code hazards} answers: the same items in the same order on every page and sort, the
 * same counts; hazards stored before the membership existed are found once the start-up pass has run; callers who do
 * not see the whole establishment still get only what their scope holds.
 */
class LedgerMembersIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    EstablishmentHazards members;

    @Test
    void everyPageAndSortOfTheLedgerEqualsTheQueryOnHazards() {
        String est = unique("est-ledger");
        List<String> reported = new ArrayList<>();
        String[][] kinds = {{"FIRE_SAFETY", "MAJOR", "GRID_PATROL"}, {"GAS", null, "ENTERPRISE_SELF_CHECK"},
                {"ELECTRICAL", null, "SUPERIOR_INSPECTION"}, {"DUST", "MAJOR", "LAW_ENFORCEMENT"},
                {"CONFINED_SPACE", null, "ENTERPRISE_SELF_CHECK"}, {"CHEMICALS", null, "GRID_PATROL"},
                {"LIFTING", null, "SUPERIOR_INSPECTION"}};
        for (String[] kind : kinds) {
            reported.add(report(est, JINFENG, kind[0], kind[1], kind[2]));
        }
        // a corroboration (joins the first hazard) and one closed-looking state change: the counts must agree
        TestHttp.Response joined = admin2().post("/api/v1/hazards", Map.of("establishmentId", est, "townId", JINFENG, "category", "FIRE_SAFETY",
                "severity", "MAJOR", "source", "LAW_ENFORCEMENT", "description", "执法检查发现同一隐患"));
        assertThat(joined.json().get("outcome").asString()).as(joined.toString()).isEqualTo("JOINED");
        townOfficer(JINFENG).post("/api/v1/hazards/" + reported.get(1) + "/transfer", Map.of("toEstablishment", true));
        report(unique("est-other"), JINFENG, "GAS", null, "GRID_PATROL");

        assertThat(members.hazardIds(est)).as("the membership is built in a fresh store").isPresent();
        assertThat(members.hazardIds(est).get()).containsExactlyInAnyOrderElementsOf(reported);
        for (String sort : List.of("reportedAt,desc", "reportedAt,asc", "deadline,asc", "deadline,desc",
                "state,asc", "source,desc", "category,asc")) {
            for (int page = 0; page < 4; page++) {
                String query = "establishmentId=" + est + "&sort=" + sort + "&size=2&page=" + page;
                JsonNode ledger = admin().get("/api/v1/hazards/ledger?" + query).json();
                JsonNode list = admin().get("/api/v1/hazards?" + query).json();
                assertThat(ids(ledger)).as(query).isEqualTo(ids(list));
                assertThat(ledger.get("items")).as(query).isEqualTo(list.get("items"));
                assertThat(ledger.get("totalElements").asLong()).isEqualTo(7);
            }
        }
        JsonNode ledger = admin().get("/api/v1/hazards/ledger?establishmentId=" + est).json();
        assertThat(ledger.get("openMajor").asLong()).isEqualTo(2);
        assertThat(ledger.get("bySource").get("GRID_PATROL").asLong()).isEqualTo(2);
        assertThat(ledger.get("corroborationsBySource").get("LAW_ENFORCEMENT").asLong()).isEqualTo(1);
        assertThat(enterpriseOfficer(est).get("/api/v1/hazards/ledger?establishmentId=" + est).json()
                .get("totalElements").asLong()).isEqualTo(7);
        assertThat(townOfficer(TANGQIAO).get("/api/v1/hazards/ledger?establishmentId=" + est).json()
                .get("totalElements").asLong()).as("another town's officer").isZero();
        assertThat(enterpriseOfficer(unique("est-else")).get("/api/v1/hazards/ledger?establishmentId=" + est)
                .json().get("totalElements").asLong()).as("another enterprise").isZero();
    }

    @Test
    void hazardsStoredBeforeTheMembershipExistedAreFoundAfterTheStartUpPass() {
        String est = unique("est-before");
        String first = report(est, JINFENG, "GAS", null, "GRID_PATROL");
        String second = report(est, JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        // as a store written by an earlier version: no membership, no marker
        mongo.remove(new Query(Criteria.where("_id").is(est)), EstablishmentHazards.COLLECTION);
        mongo.remove(new Query(Criteria.where("_id").is(EstablishmentHazards.MEMBERS_BUILT)),
                EstablishmentHazards.STATE);
        EstablishmentHazards restarted = new EstablishmentHazards(mongo);
        assertThat(restarted.hazardIds(est)).as("not built: the ledger queries hazards").isEmpty();

        restarted.build();
        assertThat(restarted.hazardIds(est)).hasValueSatisfying(ids ->
                assertThat(ids).containsExactlyInAnyOrder(first, second));
        assertThat(mongo.findById(EstablishmentHazards.MEMBERS_BUILT, Document.class, EstablishmentHazards.STATE))
                .isNotNull();
        assertThat(ids(admin().get("/api/v1/hazards/ledger?establishmentId=" + est).json()))
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aHazardOfTwoTownsOrTransferredToADepartmentIsShownOnlyWithinTheCallersScope() {
        String est = unique("est-two-towns");
        String jinfeng = report(est, JINFENG, "GAS", null, "GRID_PATROL");
        String tangqiao = report(est, TANGQIAO, "ELECTRICAL", null, "GRID_PATROL");
        TestHttp.Response transfer = townOfficer(TANGQIAO).post("/api/v1/hazards/" + tangqiao + "/transfer",
                Map.of("departmentId", "dept-culture-tourism"));
        assertThat(transfer.status()).as(transfer.toString()).isLessThan(300);
        assertThat(ids(townOfficer(JINFENG).get("/api/v1/hazards/ledger?establishmentId=" + est).json()))
                .containsExactly(jinfeng);
        assertThat(ids(departmentOfficer("dept-culture-tourism").get("/api/v1/hazards/ledger?establishmentId=" + est)
                .json())).containsExactly(tangqiao);
        assertThat(ids(admin().get("/api/v1/hazards/ledger?establishmentId=" + est).json()))
                .containsExactlyInAnyOrder(jinfeng, tangqiao);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsString("id");
    }
}
