package org.liuhua.hazard.publicreport;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Public reports (H-10): no account, a tracking code, verification into a hazard, a reward, rate limits. */
class PublicReportIT extends HazardIT {

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
}
