package org.liuhua.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Across services through the gateway: a finding an inspector records on a patrol (grid-service) becomes exactly one
 * GRID_PATROL hazard (hazard-service), also when the offline app sends the whole patrol again.
 */
class PatrolFindingE2EIT {

    @Test
    void aPatrolFindingBecomesExactlyOneGridPatrolHazard() {
        TestHttp api = RunningPlatform.gateway();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String town = "zjg-e2e-" + run;
        ok(api.post("/api/v1/towns", Map.of("id", town, "name", "测试镇" + run, "kind", "TOWN",
                "safetyStaff", 6, "fireStaff", 3)));
        ok(api.post("/api/v1/villages", Map.of("id", town + "-v01", "townId", town, "name", "测试村")));
        ok(api.post("/api/v1/grids", Map.of("id", town + "-v01-g1", "villageId", town + "-v01", "name", "第一网格")));
        String unit = town + "-v01-g1-u1";
        ok(api.post("/api/v1/patrol-units", Map.of("id", unit, "gridId", town + "-v01-g1", "name", "重点巡查单元",
                "kind", "KEY")));
        ok(api.post("/api/v1/departments", Map.of("id", "dept-industry", "name", "工业和信息化局")));
        String establishment = "est-e2e-" + run;
        ok(api.post("/api/v1/establishments", Map.ofEntries(Map.entry("id", establishment),
                Map.entry("name", "测试机械有限公司"), Map.entry("kind", "INDUSTRIAL"), Map.entry("industry", "MACHINERY"),
                Map.entry("departmentId", "dept-industry"), Map.entry("unitId", unit),
                Map.entry("riskLevel", "SIGNIFICANT"), Map.entry("flags", List.of()), Map.entry("employeeCount", 80),
                Map.entry("address", "测试路1号"), Map.entry("latitude", 31.95), Map.entry("longitude", 120.63))));
        String inspector = "insp-e2e-" + run;
        ok(api.post("/api/v1/inspectors", Map.of("id", inspector, "name", "陈巡查", "employment", "FULL_TIME",
                "townId", town, "phone", "13800000000")));
        ok(api.post("/api/v1/inspectors/" + inspector + "/bindings", Map.of("unitId", unit,
                "since", LocalDate.now().minusDays(30).toString())));

        Instant start = Instant.now().minus(Duration.ofHours(2));
        Map<String, Object> patrol = Map.of("id", "patrol-" + run, "unitId", unit, "inspectorId", inspector,
                "startedAt", start.toString(), "completedAt", start.plusSeconds(3600).toString(),
                "track", List.of(Map.of("lat", 31.9501, "lon", 120.6301, "deviceTime", start.plusSeconds(600).toString())),
                "checkIns", List.of(Map.of("id", "c-" + run, "establishmentId", establishment, "lat", 31.9501,
                        "lon", 120.6301, "deviceTime", start.plusSeconds(600).toString())),
                "findings", List.of(Map.of("id", "f-" + run, "establishmentId", establishment,
                        "category", "MACHINERY_GUARDING", "severity", "GENERAL", "description", "设备传动部位防护罩缺失",
                        "checklistItemId", "GEN-R-04", "deviceTime", start.plusSeconds(900).toString())));
        // the checklist item code is one manual-service published; grid-service learns them from its events
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.post("/api/v1/patrols/sync", patrol).status() == 200);
        ok(api.post("/api/v1/patrols/sync", patrol));

        String query = "/api/v1/hazards?source=GRID_PATROL&establishmentId=" + establishment;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(query).json().path("totalElements").asLong() >= 1);
        // the re-sent patrol and any re-delivered event had time to arrive: still exactly one
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        TestHttp.Response hazards = api.get(query);
        assertThat(hazards.json().path("totalElements").asLong()).as(hazards.toString()).isEqualTo(1);
        var hazard = hazards.json().path("items").get(0);
        assertThat(hazard.path("townId").asString()).isEqualTo(town);
        assertThat(hazard.path("sourceRef").asString()).isEqualTo("patrol-" + run + ":f-" + run);
        assertThat(hazard.path("state").asString()).isEqualTo("REPORTED");
    }

    private static void ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
