package org.liuhua.e2e.owasp;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.e2e.DemoFixture;
import org.liuhua.e2e.RunningPlatform;
import org.liuhua.kit.test.TestHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API10:2023 Unsafe Consumption of APIs. What third-party firms push is validated item by item like any other
 * input: a partly bad batch keeps its good items, each bad item is answered with its reason, a finding outside the
 * firm's contracts is refused, and nothing a firm sends can claim another source or town. (Events consumed from
 * Kafka are the other inbound channel: poison messages go to the dead-letter topic — see the fault matrix.)
 */
class Api10UnsafeConsumptionE2EIT {

    @BeforeAll
    static void aContract() {
        DemoFixture.ensure();
        TestHttp.Response contract = Probes.admin().post("/api/v1/contracts", Map.of("firmId", "demo-firm",
                "establishmentIds", List.of("est-jinfeng-0001"), "validFrom", LocalDate.now().minusDays(1).toString(),
                "validTo", LocalDate.now().plusMonths(6).toString()));
        assertThat(contract.status()).as(contract.toString()).isEqualTo(201);
    }

    @Test
    void aPartlyBadBatchFromAFirmKeepsItsGoodItemsAndAnswersEachBadOne() {
        TestHttp firm = RunningPlatform.gatewayAs(RunningPlatform.clientToken("demo-firm", "demo-firm-secret"));
        String run = Probes.unique();
        TestHttp.Response pushed = firm.post("/api/v1/intake/findings", Map.of("findings", List.of(
                finding("GOOD-" + run, "est-jinfeng-0001", "zjg-jinfeng", "应急照明灯不亮"),
                finding("OUTSIDE-" + run, "est-leyu-0001", "zjg-leyu", "应急照明灯不亮"),
                finding("LONG-" + run, "est-jinfeng-0001", "zjg-jinfeng", "长".repeat(5000)),
                finding("TOWN-" + run, "est-jinfeng-0001", "zjg-leyu", "疏散指示标志缺失"))));
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        JsonNode items = pushed.json().path("items");
        assertThat(items.size()).isEqualTo(4);
        assertThat(items.get(0).path("status").asString()).isIn("CREATED", "JOINED");
        assertThat(items.get(1).path("status").asString()).isEqualTo("REJECTED");
        assertThat(items.get(2).path("status").asString()).isEqualTo("REJECTED");
        String hazardId = items.get(0).path("hazardId").asString();
        if (!hazardId.isBlank()) {
            JsonNode hazard = Probes.admin().get("/api/v1/hazards/" + hazardId).json();
            assertThat(hazard.path("townId").asString()).isEqualTo("zjg-jinfeng");
        }
        // the fourth claimed another town for an establishment of 锦丰: refused, or filed under the real town
        JsonNode fourth = items.get(3);
        if (!"REJECTED".equals(fourth.path("status").asString()) && !fourth.path("hazardId").asString().isBlank()) {
            assertThat(Probes.admin().get("/api/v1/hazards/" + fourth.path("hazardId").asString()).json()
                    .path("townId").asString()).isEqualTo("zjg-jinfeng");
        }
    }

    @Test
    void aBatchThatIsNotABatchIsRefusedNamingItsField() {
        TestHttp firm = RunningPlatform.gatewayAs(RunningPlatform.clientToken("demo-firm", "demo-firm-secret"));
        Probes.assertNames(firm.post("/api/v1/intake/findings", Map.of("findings", "not a list")), "findings");
    }

    private static Map<String, Object> finding(String id, String establishment, String town, String description) {
        return Map.of("externalId", id, "establishmentId", establishment, "townId", town, "category", "EVACUATION",
                "severity", "GENERAL", "description", description);
    }
}
