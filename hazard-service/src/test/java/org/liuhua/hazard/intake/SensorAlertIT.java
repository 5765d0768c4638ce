package org.liuhua.hazard.intake;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sensor and AI-video intake (H-2): a monitoring system pushes alerts with its own client; a retried alert answers the
 * hazard it went into, never a second one; bad items are rejected on their own; nobody types in another source's
 * provenance.
 */
class SensorAlertIT extends HazardIT {

    private static final String SYSTEM = "zjg-ai-video";

    private static Map<String, Object> alert(String alertId, String establishmentId, String category) {
        return Map.of("alertId", alertId, "establishmentId", establishmentId, "townId", JINFENG, "category",
                category, "kind", "AI_VIDEO", "description", "AI视频识别：作业人员未佩戴安全帽",
                "detectedAt", "2026-11-20T08:30:00Z");
    }

    @Test
    void aSystemPushesAlertsAndARetriedAlertAnswersTheSameHazard() {
        String est = unique("est-jinfeng");
        String first = unique("AV");
        String second = unique("AV");
        TestHttp.Response pushed = sensorSystem(SYSTEM).post("/api/v1/intake/alerts", Map.of("alerts", List.of(
                alert(first, est, "PPE"),
                Map.of("alertId", unique("AV"), "establishmentId", est, "category", "PPE", "description", "d",
                        "kind", "SMOKE", "detectedAt", "yesterday"),
                alert(second, est, "ELECTRICAL"),
                alert(first, est, "PPE"))));
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        JsonNode batch = pushed.json();
        assertThat(batch.get("systemId").asString()).isEqualTo(SYSTEM);
        assertThat(batch.get("items").findValuesAsString("status"))
                .containsExactly("CREATED", "REJECTED", "CREATED", "DUPLICATE");
        assertThat(batch.get("items").get(1).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("alerts[1].kind", "alerts[1].detectedAt");
        String hazardId = batch.get("items").get(0).get("hazardId").asString();
        assertThat(batch.get("items").get(3).get("hazardId").asString()).isEqualTo(hazardId);

        TestHttp.Response retried = sensorSystem(SYSTEM).post("/api/v1/intake/alerts",
                Map.of("alerts", List.of(alert(second, est, "ELECTRICAL"), alert(first, est, "PPE"))));
        assertThat(retried.json().get("items").findValuesAsString("status")).containsExactly("DUPLICATE", "DUPLICATE");
        assertThat(retried.json().get("items").get(1).get("hazardId").asString()).isEqualTo(hazardId);
        assertThat(admin().get("/api/v1/hazards?establishmentId=" + est).json().get("totalElements").asInt())
                .as("a retried push creates nothing").isEqualTo(2);

        JsonNode hazard = admin().get("/api/v1/hazards/" + hazardId).json();
        assertThat(hazard.get("source").asString()).isEqualTo("SENSOR");
        assertThat(hazard.get("sourceRef").asString()).isEqualTo(first);
        assertThat(hazard.get("channel").asString()).isEqualTo("AI_VIDEO");
        assertThat(hazard.get("reporterRole").asString()).isEqualTo("MONITORING_SYSTEM");

        TestHttp.Response otherSystem = sensorSystem("zjg-gas-monitor").post("/api/v1/intake/alerts",
                Map.of("alerts", List.of(alert(first, unique("est-jinfeng"), "PPE"))));
        assertThat(otherSystem.json().get("items").get(0).get("status").asString())
                .as("another system's equal alert id is an alert of its own").isEqualTo("CREATED");
    }

    @Test
    void onlyMonitoringSystemsPushAlertsAndABadBatchNamesItsField() {
        Map<String, Object> body = Map.of("alerts", List.of(alert(unique("AV"), unique("est-jinfeng"), "PPE")));
        assertThat(admin().post("/api/v1/intake/alerts", body).status()).isEqualTo(403);
        assertThat(firm("demo-firm").post("/api/v1/intake/alerts", body).status()).isEqualTo(403);
        TestHttp.Response noList = sensorSystem(SYSTEM).post("/api/v1/intake/alerts", Map.of("alerts", "x"));
        assertThat(noList.status()).isEqualTo(400);
        assertThat(noList.json().get("errors").findValuesAsString("field")).containsExactly("alerts");
    }

    @Test
    void anOfficerTypesOnlyTheSourcesThatAreTheirs() {
        for (String source : List.of("SENSOR", "THIRD_PARTY", "PUBLIC_REPORT")) {
            TestHttp.Response refused = townOfficer(JINFENG).post("/api/v1/hazards", Map.of("establishmentId",
                    unique("est-jinfeng"), "townId", JINFENG, "category", "GAS", "source", source,
                    "description", "燃气泄漏"));
            assertThat(refused.status()).as(source + " " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("source");
        }
        String est = unique("est-jinfeng");
        TestHttp.Response selfCheck = townOfficer(JINFENG).post("/api/v1/hazards", Map.of("establishmentId", est,
                "townId", JINFENG, "category", "GAS", "source", "ENTERPRISE_SELF_CHECK", "description", "燃气泄漏"));
        assertThat(selfCheck.status()).as("the self-report exemption is the enterprise's").isEqualTo(400);
        assertThat(selfCheck.json().get("errors").findValuesAsString("field")).containsExactly("source");
        assertThat(admin().get("/api/v1/hazards?establishmentId=" + est).json().get("totalElements").asInt())
                .isZero();
        for (String source : List.of("GRID_PATROL", "LAW_ENFORCEMENT", "SUPERIOR_INSPECTION")) {
            TestHttp.Response typed = townOfficer(JINFENG).post("/api/v1/hazards", Map.of("establishmentId",
                    unique("est-jinfeng"), "townId", JINFENG, "category", "GAS", "source", source,
                    "description", "燃气泄漏"));
            assertThat(typed.status()).as(source + " " + typed).isEqualTo(201);
        }
    }
}
