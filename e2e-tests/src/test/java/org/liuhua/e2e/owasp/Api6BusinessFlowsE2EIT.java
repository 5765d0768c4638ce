package org.liuhua.e2e.owasp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.e2e.DemoFixture;
import org.liuhua.e2e.RunningPlatform;
import org.liuhua.kit.test.TestHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API6:2023 Unrestricted Access to Sensitive Business Flows. The public-report channel (随手拍/12345) pays
 * rewards and accepts reports without an account: a reward is decided once per hazard (the first verified reporter
 * earns it, however many reports are joined into the hazard), a report must name a town that exists, and the
 * per-address budget cannot be renewed by sending a forged X-Forwarded-For through the gateway.
 */
class Api6BusinessFlowsE2EIT {

    @BeforeAll
    static void demoSlice() {
        DemoFixture.ensure();
    }

    @Test
    void twoReportsJoinedIntoOneHazardEarnOneReward() {
        String first = report("zjg-jinfeng", "锦华建设工地脚手架无防护网，工人高处作业未系安全带");
        String second = report("zjg-jinfeng", "锦华建设工地脚手架没有防护网，有人没系安全带在高处干活");
        TestHttp officer = Probes.as("town-officer");
        JsonNode one = verify(officer, first);
        JsonNode two = verify(officer, second);
        String hazard = one.path("hazardId").asString();
        assertThat(hazard).isNotBlank();
        assertThat(two.path("hazardId").asString()).as("the second report joins the same hazard").isEqualTo(hazard);

        int rewards = 0;
        for (JsonNode reward : Probes.admin().get("/api/v1/rewards?size=200").json().path("items")) {
            if (hazard.equals(reward.path("hazardId").asString())) {
                rewards++;
                assertThat(reward.path("reportCode").asString()).isEqualTo(first);
            }
        }
        assertThat(rewards).isEqualTo(1);
    }

    @Test
    void aReportForATownThatDoesNotExistIsRefusedNamingTheTown() {
        TestHttp.Response refused = direct().post("/api/v1/public/reports", Map.of("townId", "zjg-atlantis",
                "description", "路口燃气管道破损"), address());
        Probes.assertNames(refused, "townId");
    }

    @Test
    void aForgedForwardedForHeaderDoesNotRenewTheBudgetThroughTheGateway() {
        TestHttp anonymous = Probes.anonymous();
        TestHttp.Response limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            TestHttp.Response response = anonymous.post("/api/v1/public/reports", Map.of("townId", "zjg-jinfeng",
                    "description", "商铺门口电动车违规充电 #" + i), address());
            if (response.status() == 429) {
                limited = response;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
            }
        }
        assertThat(limited).as("the budget ran out although every request forged a new address").isNotNull();
        Probes.assertProblem(limited, 429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.json().path("type").asString()).isNotBlank().isNotEqualTo("about:blank");
        Probes.assertProblem(anonymous.post("/api/v1/public/reports", Map.of("townId", "zjg-jinfeng",
                "description", "又一条"), address()), 429);
    }

    private static String report(String town, String description) {
        TestHttp.Response submitted = direct().post("/api/v1/public/reports", Map.of("townId", town,
                "establishmentId", "est-jinfeng-0002", "category", "WORK_AT_HEIGHT", "description", description,
                "contact", "13912345678"), address());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().path("code").asString();
    }

    private static JsonNode verify(TestHttp officer, String code) {
        TestHttp.Response verified = officer.post("/api/v1/public-reports/" + code + "/verify", Map.of(
                "establishmentId", "est-jinfeng-0002", "category", "WORK_AT_HEIGHT", "severity", "GENERAL"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json();
    }

    /** The hazard-service itself, as the trusted gateway would call it: the reporter's address in X-Forwarded-For. */
    private static TestHttp direct() {
        return new TestHttp(RunningPlatform.get().service("hazard-service").baseUrl());
    }

    private static Map<String, String> address() {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255));
        return headers;
    }
}
