package org.liuhua.e2e.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.liuhua.e2e.RunningPlatform;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault matrix's own slice of the city, created as the city admin (idempotent: same ids, same content): 凤凰镇
 * with one unit and two establishments — one whose drills and one whose handbook reviews the matrix records — and
 * the wait until training-, manual- and reporting-service have learnt them from grid-service's events.
 */
final class FaultFixture {

    static final String TOWN = "zjg-fenghuang";
    static final String UNIT = TOWN + "-v01-g1-u1";
    static final String DEPARTMENT = "dept-industry";
    static final String DRILLS_AT = "est-fenghuang-0001";
    static final String REVIEWS_AT = "est-fenghuang-0002";
    /** The city's calendar (liuhua.zone default). */
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static boolean ready;

    private FaultFixture() {
    }

    static synchronized void ensure() {
        if (ready) {
            return;
        }
        TestHttp admin = RunningPlatform.direct("grid-service");
        ok(admin.post("/api/v1/departments", Map.of("id", DEPARTMENT, "name", "工业和信息化局")));
        ok(admin.post("/api/v1/towns", Map.of("id", TOWN, "name", "凤凰镇", "kind", "TOWN", "safetyStaff", 5,
                "fireStaff", 2)));
        ok(admin.post("/api/v1/villages", Map.of("id", TOWN + "-v01", "townId", TOWN, "name", "凤凰村")));
        ok(admin.post("/api/v1/grids", Map.of("id", TOWN + "-v01-g1", "villageId", TOWN + "-v01", "name", "第一网格")));
        ok(admin.post("/api/v1/patrol-units", Map.of("id", UNIT, "gridId", TOWN + "-v01-g1", "name", "重点巡查单元",
                "kind", "KEY")));
        ok(admin.post("/api/v1/establishments", establishment(DRILLS_AT, "凤凰精密铸造有限公司")));
        ok(admin.post("/api/v1/establishments", establishment(REVIEWS_AT, "港丰纺织印染有限公司")));

        TestHttp training = RunningPlatform.direct("training-service");
        TestHttp manual = RunningPlatform.direct("manual-service");
        TestHttp reporting = RunningPlatform.direct("reporting-service");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            // a drill without participants is refused; naming participants (not establishmentId) shows it is known
            TestHttp.Response probe = training.post("/api/v1/training/drills", Map.of("establishmentId", DRILLS_AT,
                    "type", "EVACUATION", "heldOn", today().toString(), "participants", 0));
            boolean trainingKnows = probe.status() == 400 && probe.body().contains("participants")
                    && !probe.body().contains("not known");
            return trainingKnows && manual.get("/api/v1/handbooks/" + REVIEWS_AT).status() == 200
                    && coverageTowns(reporting).contains(TOWN);
        });
        ready = true;
    }

    static Map<String, Object> establishment(String id, String name) {
        return Map.ofEntries(Map.entry("id", id), Map.entry("name", name),
                Map.entry("kind", "INDUSTRIAL"), Map.entry("industry", "TEXTILES"),
                Map.entry("departmentId", DEPARTMENT), Map.entry("unitId", UNIT),
                Map.entry("riskLevel", "GENERAL"), Map.entry("flags", List.of()), Map.entry("employeeCount", 45),
                Map.entry("address", "凤凰镇港口路18号"), Map.entry("latitude", 31.86), Map.entry("longitude", 120.58));
    }

    static LocalDate today() {
        return LocalDate.now(CITY);
    }

    private static List<String> coverageTowns(TestHttp reporting) {
        TestHttp.Response coverage = reporting.get("/api/v1/stats/coverage");
        if (coverage.status() != 200) {
            return List.of();
        }
        return java.util.stream.StreamSupport.stream(coverage.json().get("towns").spliterator(), false)
                .map(t -> t.get("townId").asString()).toList();
    }

    static void ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    static JsonNode json(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
