package org.liuhua.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice of the demo city the end-to-end scenarios need, created through the gateway as the city admin:
 * 锦丰镇 and 乐余镇 with a unit each, two establishments in 锦丰 (departments 工信局 and 住建局), one in 乐余, and the
 * demo inspector bound to 锦丰's unit. Idempotent (same ids, same content), so every scenario may call it.
 */
public final class DemoFixture {

    private static boolean created;

    private DemoFixture() {
    }

    public static synchronized void ensure() {
        if (created) {
            return;
        }
        TestHttp admin = RunningPlatform.gateway();
        ok(admin.post("/api/v1/departments", Map.of("id", "dept-industry", "name", "工业和信息化局")));
        ok(admin.post("/api/v1/departments", Map.of("id", "dept-housing", "name", "住房和城乡建设局")));
        for (String town : List.of("zjg-jinfeng", "zjg-leyu")) {
            ok(admin.post("/api/v1/towns", Map.of("id", town, "name", town.equals("zjg-jinfeng") ? "锦丰镇" : "乐余镇",
                    "kind", "TOWN", "safetyStaff", 6, "fireStaff", 3)));
            ok(admin.post("/api/v1/villages", Map.of("id", town + "-v01", "townId", town, "name", "中心社区")));
            ok(admin.post("/api/v1/grids", Map.of("id", town + "-v01-g1", "villageId", town + "-v01",
                    "name", "第一网格")));
            ok(admin.post("/api/v1/patrol-units", Map.of("id", town + "-v01-g1-u1", "gridId", town + "-v01-g1",
                    "name", "重点巡查单元", "kind", "KEY")));
        }
        establishment(admin, "est-jinfeng-0001", "zjg-jinfeng", "dept-industry", "港城纺织有限公司");
        establishment(admin, "est-jinfeng-0002", "zjg-jinfeng", "dept-housing", "锦华建设工程有限公司");
        establishment(admin, "est-leyu-0001", "zjg-leyu", "dept-industry", "乐余机械制造有限公司");
        ok(admin.post("/api/v1/inspectors", Map.of("id", "insp-jinfeng-01", "name", "陈巡查",
                "employment", "FULL_TIME", "townId", "zjg-jinfeng", "phone", "13800000001")));
        ok(admin.post("/api/v1/inspectors/insp-jinfeng-01/bindings", Map.of("unitId", "zjg-jinfeng-v01-g1-u1",
                "since", LocalDate.of(2026, 1, 1).toString())));
        created = true;
    }

    static void establishment(TestHttp admin, String id, String town, String department, String name) {
        ok(admin.post("/api/v1/establishments", Map.ofEntries(Map.entry("id", id), Map.entry("name", name),
                Map.entry("kind", "INDUSTRIAL"), Map.entry("industry", "TEXTILES"),
                Map.entry("departmentId", department), Map.entry("unitId", town + "-v01-g1-u1"),
                Map.entry("riskLevel", "GENERAL"), Map.entry("flags", List.of()), Map.entry("employeeCount", 60),
                Map.entry("address", "港城路1号"), Map.entry("latitude", 31.95), Map.entry("longitude", 120.63))));
    }

    static void ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
