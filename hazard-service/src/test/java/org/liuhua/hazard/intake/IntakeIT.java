package org.liuhua.hazard.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Third-party intake (H-7): contracts, per-item answers, duplicates, idempotent retries, the firm's quality record. */
class IntakeIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    List<String> contract(String firmId, int establishments) {
        String prefix = unique("est-jinfeng");
        List<String> ids = IntStream.range(0, establishments).mapToObj(i -> prefix + "-" + i).toList();
        TestHttp.Response created = admin().post("/api/v1/contracts", Map.of("firmId", firmId, "establishmentIds",
                ids, "validFrom", "2026-01-01", "validTo", "2030-12-31"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return ids;
    }

    /**
     * Pushes a batch of up to 1,000 findings. It takes a few seconds on an idle machine; the client waits longer than
     * the usual 30 s so that a loaded build machine (parallel builds) does not turn a slow answer into a failure.
     */
    TestHttp.Response pushLarge(String firmId, List<Map<String, Object>> findings, String idempotencyKey) {
        TestHttp http = firm(firmId);
        return http.send(http.request("/api/v1/intake/findings").timeout(java.time.Duration.ofSeconds(180))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        tools.jackson.databind.json.JsonMapper.builder().build()
                                .writeValueAsString(Map.of("findings", findings)))));
    }

    static Map<String, Object> finding(String externalId, String establishmentId, String category) {
        return new HashMap<>(Map.of("externalId", externalId, "establishmentId", establishmentId, "townId", JINFENG,
                "category", category, "severity", "GENERAL", "description", "第三方检查发现：" + category,
                "foundAt", "2026-01-05T08:00:00Z"));
    }

    @Test
    void aBatchOf1000KeepsTheGoodItemsAnswersDuplicatesAndRejectsTheMalformedAndARetryCreatesNothing() {
        String firm = unique("firm");
        List<String> ests = contract(firm, 20);
        List<Map<String, Object>> earlier = IntStream.range(0, 50)
                .mapToObj(i -> finding("E-" + i, ests.get(i % 20), "CAT-" + i)).toList();
        JsonNode first = firm(firm).post("/api/v1/intake/findings", Map.of("findings", earlier),
                Map.of("Idempotency-Key", "batch-1")).json();
        assertThat(first.get("created").asInt() + first.get("joined").asInt()).as(first.toString()).isEqualTo(50);
        String hazardOfE0 = first.get("items").get(0).get("hazardId").asString();

        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 940; i++) {
            batch.add(finding("N-" + i, ests.get(i % 20), "CAT-" + (i % 97)));
        }
        for (int i = 0; i < 50; i++) {
            batch.add(finding("E-" + i, ests.get(i % 20), "CAT-" + i));
        }
        for (int i = 0; i < 10; i++) {
            Map<String, Object> bad = finding("B-" + i, ests.get(0), "CAT-X");
            if (i % 2 == 0) {
                bad.remove("description");
            } else {
                bad.put("severity", "CATASTROPHIC");
            }
            batch.add(bad);
        }
        java.util.Collections.shuffle(batch, new java.util.Random(7));

        TestHttp.Response answer = pushLarge(firm, batch, "batch-2");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode result = answer.json();
        assertThat(result.get("received").asInt()).isEqualTo(1000);
        assertThat(result.get("created").asInt() + result.get("joined").asInt()).isEqualTo(940);
        assertThat(result.get("duplicates").asInt()).isEqualTo(50);
        assertThat(result.get("rejected").asInt()).isEqualTo(10);
        assertThat(result.get("joined").asInt()).as("same establishment and category join").isPositive();
        for (JsonNode item : result.get("items")) {
            String externalId = item.get("externalId").asString();
            String status = item.get("status").asString();
            if (externalId.startsWith("B-")) {
                assertThat(status).isEqualTo("REJECTED");
                assertThat(item.get("errors").get(0).get("field").asString())
                        .startsWith("findings[" + item.get("index").asInt() + "].");
            } else if (externalId.startsWith("E-")) {
                assertThat(status).isEqualTo("DUPLICATE");
                assertThat(item.get("hazardId").isNull()).isFalse();
            } else {
                assertThat(status).isIn("CREATED", "JOINED");
            }
            if (externalId.equals("E-0")) {
                assertThat(item.get("hazardId").asString()).isEqualTo(hazardOfE0);
            }
        }
        long hazards = mongo.count(new Query(Criteria.where("firmId").is(firm)), "hazards");
        assertThat(hazards).isEqualTo(first.get("created").asInt() + result.get("created").asInt());

        JsonNode retried = pushLarge(firm, batch, "batch-2").json();
        assertThat(retried).isEqualTo(result);
        assertThat(mongo.count(new Query(Criteria.where("firmId").is(firm)), "hazards")).isEqualTo(hazards);
        TestHttp.Response reused = firm(firm).post("/api/v1/intake/findings", Map.of("findings", earlier),
                Map.of("Idempotency-Key", "batch-2"));
        assertThat(reused.status()).as("the same key for a different batch").isEqualTo(422);
        assertThat(reused.body()).contains("Idempotency-Key");

        JsonNode quality = admin().get("/api/v1/firms/" + firm + "/quality").json();
        assertThat(quality.get("accepted").asInt()).as(quality.toString()).isEqualTo(990);
        assertThat(quality.get("duplicates").asInt()).isEqualTo(50);
        assertThat(quality.get("rejectedMalformed").asInt()).isEqualTo(10);
        assertThat(quality.get("medianPushDelaySeconds").asLong()).isPositive();

        JsonNode seen = firm(firm).get("/api/v1/hazards?size=1").json();
        assertThat(seen.get("totalElements").asLong()).isEqualTo(hazards);
        assertThat(firm(unique("firm")).get("/api/v1/hazards?size=1").json().get("totalElements").asLong()).isZero();
    }

    @Test
    void aFindingForAnUncontractedEstablishmentIsRejectedAndTheOthersAreKept() {
        String firm = unique("firm");
        List<String> ests = contract(firm, 1);
        JsonNode result = firm(firm).post("/api/v1/intake/findings", Map.of("findings", List.of(
                finding("U-1", "est-not-contracted", "FIRE_SAFETY"), finding("U-2", ests.get(0), "FIRE_SAFETY"),
                finding("U-2", ests.get(0), "FIRE_SAFETY")))).json();
        assertThat(result.get("items").get(0).get("status").asString()).as(result.toString()).isEqualTo("REJECTED");
        assertThat(result.get("items").get(0).get("errors").get(0).get("field").asString())
                .isEqualTo("findings[0].establishmentId");
        assertThat(result.get("items").get(1).get("status").asString()).isEqualTo("CREATED");
        assertThat(result.get("items").get(2).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(result.get("items").get(2).get("hazardId").asString())
                .isEqualTo(result.get("items").get(1).get("hazardId").asString());
    }

    @Test
    void batchesAreLimitedAndOnlyFirmsPushAndOnlyTheCityContracts() {
        String firm = unique("firm");
        List<Map<String, Object>> tooMany = IntStream.range(0, 1001).mapToObj(i -> finding("T-" + i, "e", "c"))
                .toList();
        TestHttp.Response refused = firm(firm).post("/api/v1/intake/findings", Map.of("findings", tooMany));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("findings");
        assertThat(admin().post("/api/v1/intake/findings", Map.of("findings", List.of())).status()).isEqualTo(403);
        assertThat(firm(firm).post("/api/v1/contracts", Map.of("firmId", firm, "establishmentIds", List.of("e"),
                "validFrom", "2026-01-01", "validTo", "2030-01-01")).status()).isEqualTo(403);
        TestHttp.Response backwards = admin().post("/api/v1/contracts", Map.of("firmId", firm, "establishmentIds",
                List.of("e"), "validFrom", "2026-01-01", "validTo", "2025-01-01"));
        assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("validTo");
        JsonNode contracts = firm(firm).get("/api/v1/contracts").json();
        assertThat(contracts.get("items").size()).isZero();
    }

    @Test
    void aTerminatedContractEndsIntakeAndAFailedReviewCountsAgainstTheFirm() {
        String firm = unique("firm");
        String est = unique("est-jinfeng");
        TestHttp.Response contract = admin().post("/api/v1/contracts", Map.of("firmId", firm, "establishmentIds",
                List.of(est), "validFrom", "2026-01-01", "validTo", "2030-12-31"));
        JsonNode pushed = firm(firm).post("/api/v1/intake/findings", Map.of("findings",
                List.of(finding("R-1", est, "FIRE_SAFETY")))).json();
        String hazardId = pushed.get("items").get(0).get("hazardId").asString();
        TestHttp town = townOfficer(JINFENG);
        town.post("/api/v1/hazards/" + hazardId + "/transfer", Map.of("toEstablishment", true));
        admin().post("/api/v1/hazards/" + hazardId + "/rectify", fiveParts()); // not the reviewer (H-6)
        assertThat(town.post("/api/v1/hazards/" + hazardId + "/review", Map.of("passed", false, "note",
                "第三方所报情况与现场不符")).status()).isEqualTo(200);
        assertThat(firm(firm).get("/api/v1/firms/" + firm + "/quality").json().get("rejectedAtReview").asInt())
                .isEqualTo(1);

        admin().post("/api/v1/contracts/" + contract.json().get("contractId").asString() + "/terminate", Map.of());
        JsonNode after = firm(firm).post("/api/v1/intake/findings", Map.of("findings",
                List.of(finding("R-2", est, "ELECTRICAL")))).json();
        assertThat(after.get("items").get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(firm(firm).get("/api/v1/hazards/" + hazardId).status())
                .as("without a valid contract the firm sees nothing").isEqualTo(404);
    }

    @Test
    void anExternalIdIsTheFirmsOwnSoAnotherFirmsEqualIdIsAFindingOfItsOwnAndARepeatIsAnsweredAsDuplicate() {
        String firmA = unique("firm");
        String firmB = unique("firm");
        String estA = contract(firmA, 1).get(0);
        String estB = contract(firmB, 1).get(0);
        JsonNode a = firm(firmA).post("/api/v1/intake/findings",
                Map.of("findings", List.of(finding("DF-2026-000001", estA, "FIRE_SAFETY")))).json();
        JsonNode b = firm(firmB).post("/api/v1/intake/findings",
                Map.of("findings", List.of(finding("DF-2026-000001", estB, "FIRE_SAFETY")))).json();
        assertThat(a.get("items").get(0).get("status").asString()).as(a.toString()).isEqualTo("CREATED");
        assertThat(b.get("items").get(0).get("status").asString()).as(b.toString()).isEqualTo("CREATED");
        JsonNode again = firm(firmA).post("/api/v1/intake/findings",
                Map.of("findings", List.of(finding("DF-2026-000001", estA, "FIRE_SAFETY")))).json();
        assertThat(again.get("items").get(0).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.get("items").get(0).get("hazardId").asString())
                .isEqualTo(a.get("items").get(0).get("hazardId").asString());
    }
}
