package org.liuhua.hazard.loop;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Bad input names its field and changes nothing: deadlines that are no day or no sensible one, a transfer to a
 * department the city does not have, text and lists beyond realistic sizes.
 */
class BadInputIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static List<String> fields(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").findValuesAsString("field");
    }

    @Test
    void aDeadlineThatIsANumberOrInThePastOrYearsAheadIsRefusedNamingItAndNothingIsStored() {
        String est = unique("est-jinfeng");
        for (Object deadline : List.<Object>of(20261231, 1, "2020-01-01", today().plusYears(3).toString(),
                "31.12.2026")) {
            Map<String, Object> body = new HashMap<>(Map.of("establishmentId", est, "townId", JINFENG,
                    "category", "FIRE_SAFETY", "source", "GRID_PATROL", "description", "消防通道堵塞",
                    "deadline", deadline));
            assertThat(fields(admin().post("/api/v1/hazards", body))).as("deadline " + deadline)
                    .containsExactly("deadline");
        }
        assertThat(mongo.exists(new Query(Criteria.where("establishmentId").is(est)), "hazards")).isFalse();
        Map<String, Object> fine = new HashMap<>(Map.of("establishmentId", est, "townId", JINFENG,
                "category", "FIRE_SAFETY", "source", "GRID_PATROL", "description", "消防通道堵塞",
                "deadline", today().plusMonths(1).toString()));
        assertThat(admin().post("/api/v1/hazards", fine).status()).isEqualTo(201);
    }

    @Test
    void aTransferToAnUnknownDepartmentIsRefusedAndTheHazardIsUnchanged() {
        String id = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        TestHttp.Response refused = townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/transfer",
                Map.of("toEstablishment", true, "departmentId", "dept-nowhere"));
        assertThat(fields(refused)).containsExactly("departmentId");
        JsonNode hazard = admin().get("/api/v1/hazards/" + id).json();
        assertThat(hazard.get("state").asString()).isEqualTo("REPORTED");
        assertThat(hazard.get("revision").asInt()).isEqualTo(1);
        assertThat(hazard.get("history").size()).isEqualTo(1);
        TestHttp.Response transferred = townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/transfer",
                Map.of("toEstablishment", true, "departmentId", "dept-housing"));
        assertThat(transferred.json().get("state").asString()).as(transferred.toString()).isEqualTo("TRANSFERRED");
    }

    @Test
    void textsAndListsBeyondRealisticSizesAreRefusedNamingTheFieldAndTheHazardIsUnchanged() {
        String est = unique("est-jinfeng");
        String id = report(est, JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        TestHttp town = townOfficer(JINFENG);
        assertThat(town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true)).status())
                .isEqualTo(200);
        TestHttp enterprise = enterpriseOfficer(est);
        assertThat(enterprise.post("/api/v1/hazards/" + id + "/acknowledge", Map.of()).status()).isEqualTo(200);

        Map<String, Object> longMeasures = fiveParts();
        longMeasures.put("measures", "清".repeat(2001));
        assertThat(fields(enterprise.post("/api/v1/hazards/" + id + "/rectify", longMeasures)))
                .containsExactly("measures");
        Map<String, Object> longName = fiveParts();
        longName.put("responsiblePerson", "张".repeat(101));
        assertThat(fields(enterprise.post("/api/v1/hazards/" + id + "/rectify", longName)))
                .containsExactly("responsiblePerson");
        Map<String, Object> farPlan = fiveParts();
        farPlan.put("deadline", today().plusYears(5).toString());
        assertThat(fields(enterprise.post("/api/v1/hazards/" + id + "/rectify", farPlan)))
                .containsExactly("deadline");
        Map<String, Object> manyPhotos = fiveParts();
        manyPhotos.put("evidenceIds", java.util.stream.IntStream.range(0, 201).mapToObj(i -> "ev-" + i).toList());
        assertThat(fields(enterprise.post("/api/v1/hazards/" + id + "/rectify", manyPhotos)))
                .containsExactly("evidenceIds");
        assertThat(fields(town.post("/api/v1/hazards/" + id + "/transfer",
                Map.of("toEstablishment", true, "note", "注".repeat(2001))))).containsExactly("note");
        JsonNode hazard = admin().get("/api/v1/hazards/" + id).json();
        assertThat(hazard.get("state").asString()).isEqualTo("RECTIFYING");
        assertThat(hazard.path("rectification").isNull() || hazard.path("rectification").isMissingNode()).isTrue();
    }

    @Test
    void aFirmsFindingWithADeadlineInThePastIsRejectedOnItsOwn() {
        String firm = unique("firm");
        String est = unique("est-jinfeng");
        assertThat(admin().post("/api/v1/contracts", Map.of("firmId", firm, "establishmentIds", List.of(est),
                "validFrom", "2026-01-01", "validTo", "2030-12-31")).status()).isEqualTo(201);
        Map<String, Object> past = new HashMap<>(Map.of("externalId", "DF-1", "establishmentId", est,
                "townId", JINFENG, "category", "FIRE_SAFETY", "description", "疏散指示标志损坏",
                "deadline", "2020-01-01"));
        Map<String, Object> good = new HashMap<>(past);
        good.put("externalId", "DF-2");
        good.put("category", "GAS");
        good.put("deadline", today().plusDays(20).toString());
        JsonNode answer = firm(firm).post("/api/v1/intake/findings", Map.of("findings", List.of(past, good))).json();
        assertThat(answer.get("items").get(0).get("status").asString()).as(answer.toString()).isEqualTo("REJECTED");
        assertThat(answer.get("items").get(0).get("errors").findValuesAsString("field"))
                .containsExactly("findings[0].deadline");
        assertThat(answer.get("items").get(1).get("status").asString()).isEqualTo("CREATED");
    }
}
