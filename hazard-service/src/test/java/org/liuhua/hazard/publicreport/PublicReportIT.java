package org.liuhua.hazard.publicreport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Public reports (H-10): no account, a tracking code, verification into a hazard, a reward, rate limits. */
class PublicReportIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    TestHttp.Response submit(String address, Map<String, Object> body) {
        return anonymous().post("/api/v1/public/reports", body, Map.of("X-Forwarded-For", address));
    }

    @Test
    void aVerifiedReportBecomesAPublicReportHazardAndEarnsAReward() {
        TestHttp.Response submitted = submit("10.0.0.1", Map.of("townId", JINFENG, "address", "锦丰镇某路8号",
                "description", "仓库内电动车违规充电", "contact", "13800000000"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String code = submitted.json().get("code").asString();
        JsonNode tracked = anonymous().get("/api/v1/public/reports/" + code).json();
        assertThat(tracked.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(tracked.toString()).doesNotContain("13800000000");

        String est = unique("est-jinfeng");
        TestHttp.Response verified = townOfficer(JINFENG).post("/api/v1/public-reports/" + code + "/verify",
                Map.of("establishmentId", est, "category", "ELECTRIC_BIKE", "severity", "GENERAL"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        String hazardId = verified.json().get("hazardId").asString();
        JsonNode hazard = admin().get("/api/v1/hazards/" + hazardId).json();
        assertThat(hazard.get("source").asString()).isEqualTo("PUBLIC_REPORT");
        assertThat(hazard.get("sourceRef").asString()).isEqualTo(code);
        assertThat(hazard.get("establishmentId").asString()).isEqualTo(est);

        JsonNode after = anonymous().get("/api/v1/public/reports/" + code).json();
        assertThat(after.get("state").asString()).isEqualTo("VERIFIED");
        assertThat(after.get("answer").asString()).isNotBlank();
        assertThat(townOfficer(JINFENG).get("/api/v1/rewards?size=200").json().findValuesAsString("reportCode"))
                .contains(code);
        assertThat(townOfficer(TANGQIAO).get("/api/v1/rewards?size=200").json().findValuesAsString("reportCode"))
                .doesNotContain(code);
        TestHttp.Response again = townOfficer(JINFENG).post("/api/v1/public-reports/" + code + "/verify",
                Map.of("establishmentId", est, "category", "ELECTRIC_BIKE"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(townOfficer(JINFENG).get("/api/v1/public-reports?state=VERIFIED&size=200").json()
                .findValuesAsString("code")).contains(code);
    }

    @Test
    void aRejectedReportShowsTheReason() {
        String code = submit("10.0.0.2", Map.of("townId", JINFENG, "description", "有人在河边钓鱼"))
                .json().get("code").asString();
        TestHttp.Response rejected = townOfficer(JINFENG).post("/api/v1/public-reports/" + code + "/reject",
                Map.of("reason", "不属于安全生产隐患"));
        assertThat(rejected.json().get("state").asString()).as(rejected.toString()).isEqualTo("REJECTED");
        JsonNode tracked = anonymous().get("/api/v1/public/reports/" + code).json();
        assertThat(tracked.get("state").asString()).isEqualTo("REJECTED");
        assertThat(tracked.get("answer").asString()).isEqualTo("不属于安全生产隐患");
        assertThat(townOfficer(JINFENG).post("/api/v1/public-reports/" + code + "/reject", Map.of()).status())
                .isEqualTo(400);
    }

    @Test
    void reportsAreLimitedPerAddressAndInSize() {
        for (int i = 0; i < 3; i++) {
            assertThat(submit("10.0.0.3", Map.of("townId", JINFENG, "description", "report " + i)).status())
                    .isEqualTo(201);
        }
        TestHttp.Response limited = submit("10.0.0.3", Map.of("townId", JINFENG, "description", "one more"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(submit("10.0.0.4", Map.of("townId", JINFENG, "description", "another address")).status())
                .isEqualTo(201);

        TestHttp.Response tooLong = submit("10.0.0.5", Map.of("townId", JINFENG, "description", "长".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("description");
        TestHttp.Response noTown = submit("10.0.0.5", Map.of("description", "d"));
        assertThat(noTown.json().get("errors").findValuesAsString("field")).containsExactly("townId");
        assertThat(anonymous().get("/api/v1/public/reports/PR-UNKNOWN").status()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/public-reports").status()).isEqualTo(401);
        assertThat(anonymous().get("/api/v1/rewards").status()).isEqualTo(401);
    }

    @Test
    void theLimitCountsTheAddressTheTrustedProxyAppendedNotAHopTheClientWrote() {
        // the gateway (a trusted proxy, here the loopback peer) appends the client's address; what the client
        // wrote before it is rotated to try to escape the limit
        for (int i = 0; i < 3; i++) {
            TestHttp.Response accepted = submit("198.51.100." + (10 + i) + ", 203.0.113.7",
                    Map.of("townId", JINFENG, "description", "电动车楼道充电 " + i));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        }
        TestHttp.Response limited = submit("198.51.100.99, 203.0.113.7",
                Map.of("townId", JINFENG, "description", "又一次"));
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).isNotBlank().isNotEqualTo("about:blank");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(submit("198.51.100.99, 203.0.113.8", Map.of("townId", JINFENG, "description", "另一位市民"))
                .status()).as("another client keeps its own budget").isEqualTo(201);
    }

    @Test
    void aReportForAnUnknownTownIsRefusedNamingTheTownAndNothingIsStored() {
        String town = unique("zjg-nowhere");
        TestHttp.Response refused = submit("10.0.0.6", Map.of("townId", town, "description", "某厂违规动火"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("townId");
        assertThat(mongo.exists(new Query(Criteria.where("townId").is(town)), "public_reports")).isFalse();
    }

    @Test
    void theWhistleBlowersContactIsShownOnlyToWhoVerifiesTheReport() {
        String phone = "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String code = submit("10.0.0.7", Map.of("townId", JINFENG, "address", "锦丰镇某路9号",
                "description", "仓库堆放易燃物", "contact", phone)).json().get("code").asString();
        for (TestHttp verifier : List.of(townOfficer(JINFENG), admin())) {
            assertThat(verifier.get("/api/v1/public-reports/" + code).json().get("contact").asString())
                    .isEqualTo(phone);
        }
        TestHttp.Response viewed = viewer().get("/api/v1/public-reports/" + code);
        assertThat(viewed.status()).isEqualTo(200);
        assertThat(viewed.json().get("description").asString()).isEqualTo("仓库堆放易燃物");
        assertThat(viewed.body()).doesNotContain(phone).doesNotContain("contact");
        TestHttp.Response listed = viewer().get("/api/v1/public-reports?size=200");
        assertThat(listed.json().get("items").findValuesAsString("code")).contains(code);
        assertThat(listed.body()).doesNotContain(phone);
        assertThat(townOfficer(JINFENG).get("/api/v1/public-reports?size=200").body()).contains(phone);

        TestHttp.Response verified = townOfficer(JINFENG).post("/api/v1/public-reports/" + code + "/verify",
                Map.of("establishmentId", unique("est-jinfeng"), "category", "FIRE_SAFETY"));
        String hazardId = verified.json().get("hazardId").asString();
        assertThat(admin().get("/api/v1/hazards/" + hazardId).body()).doesNotContain(phone);
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            List<CloudEvent> events = probe.await(r -> hazardId.equals(r.key()), 1, Duration.ofSeconds(20))
                    .stream().map(r -> r.value()).toList();
            assertThat(events).isNotEmpty();
            events.forEach(e -> assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                    .doesNotContain(phone));
        }
    }

    @Test
    void aHazardEarnsOneRewardForItsFirstValidReporterEvenWhenTwoReportsAreJoined() {
        String est = unique("est-jinfeng");
        String first = submit("10.0.0.8", Map.of("townId", JINFENG, "description", "厂房内电动车违规充电"))
                .json().get("code").asString();
        String second = submit("10.0.0.9", Map.of("townId", JINFENG, "description", "同一厂房电动车充电"))
                .json().get("code").asString();
        TestHttp town = townOfficer(JINFENG);
        String hazard = town.post("/api/v1/public-reports/" + first + "/verify", Map.of("establishmentId", est,
                "category", "ELECTRIC_BIKE")).json().get("hazardId").asString();
        TestHttp.Response joined = town.post("/api/v1/public-reports/" + second + "/verify",
                Map.of("establishmentId", est, "category", "ELECTRIC_BIKE"));
        assertThat(joined.json().get("state").asString()).as(joined.toString()).isEqualTo("VERIFIED");
        assertThat(joined.json().get("hazardId").asString()).isEqualTo(hazard);

        JsonNode rewards = admin().get("/api/v1/rewards?size=200").json().get("items");
        List<JsonNode> ofHazard = new java.util.ArrayList<>();
        rewards.forEach(r -> {
            if (hazard.equals(r.get("hazardId").asString())) {
                ofHazard.add(r);
            }
        });
        assertThat(ofHazard).hasSize(1);
        assertThat(ofHazard.get(0).get("reportCode").asString()).isEqualTo(first);
        assertThat(ofHazard.get(0).get("amountCny").asInt()).isEqualTo(500);

        // a hazard another source had on record before the report came earns the report nothing
        String known = unique("est-jinfeng");
        String onRecord = report(known, JINFENG, "GAS", null, "GRID_PATROL");
        String late = submit("10.0.0.10", Map.of("townId", JINFENG, "description", "燃气管道漏气"))
                .json().get("code").asString();
        TestHttp.Response lateVerified = town.post("/api/v1/public-reports/" + late + "/verify",
                Map.of("establishmentId", known, "category", "GAS"));
        assertThat(lateVerified.json().get("hazardId").asString()).as(lateVerified.toString()).isEqualTo(onRecord);
        assertThat(admin().get("/api/v1/rewards?size=200").json().get("items").findValuesAsString("hazardId"))
                .doesNotContain(onRecord);
    }
}
