package org.liuhua.e2e.owasp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.e2e.DemoFixture;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption. One maximum page size for every list, whitelisted sort keys,
 * bounded strings, collections and bodies — each refusal a 400/413 problem naming what was too large, and nothing
 * stored.
 */
class Api4ResourceConsumptionE2EIT {

    static final List<String> LISTS = List.of("/api/v1/establishments", "/api/v1/safety-officers",
            "/api/v1/inspectors", "/api/v1/towns", "/api/v1/villages", "/api/v1/grids", "/api/v1/patrol-units",
            "/api/v1/patrols", "/api/v1/clusters", "/api/v1/hazards", "/api/v1/public-reports", "/api/v1/audit",
            "/api/v1/contracts");

    @BeforeAll
    static void demoSlice() {
        DemoFixture.ensure();
    }

    @Test
    void everyListRefusesAHugePageAndAnUnknownSortKeyNamingTheParameter() {
        TestHttp admin = Probes.admin();
        for (String list : LISTS) {
            Probes.assertNames(admin.get(list + "?size=1000000"), "size");
            Probes.assertNames(admin.get(list + "?sort=%00"), "sort");
            Probes.assertNames(admin.get(list + "?sort=officers.name,desc"), "sort");
            assertThat(admin.get(list + "?size=200").status()).as(list).isEqualTo(200);
        }
        Probes.assertNames(admin.get("/api/v1/audit?action=POST%00"), "action");
    }

    @Test
    void aSyncWithTooManyCheckInsIsRefusedWholeAndStoresNothing() {
        String patrol = "owasp-big-" + Probes.unique();
        Instant started = Instant.now().minusSeconds(3600);
        List<Map<String, Object>> checkIns = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            checkIns.add(Map.of("id", "c-" + i, "establishmentId", "est-jinfeng-0001", "lat", 31.95, "lon", 120.63,
                    "deviceTime", started.plusSeconds(i).toString()));
        }
        TestHttp inspector = Probes.as("inspector");
        TestHttp.Response sync = inspector.post("/api/v1/patrols/sync", Map.of("id", patrol,
                "unitId", "zjg-jinfeng-v01-g1-u1", "startedAt", started.toString(), "checkIns", checkIns));
        Probes.assertNames(sync, "checkIns");
        Probes.assertProblem(inspector.get("/api/v1/patrols/" + patrol), 404);
    }

    @Test
    void oversizedStringsAndBodiesAreRefusedNamingTheField() {
        TestHttp admin = Probes.admin();
        String id = "est-owasp-" + Probes.unique();
        TestHttp.Response longAddress = admin.post("/api/v1/establishments", establishment(id, "路".repeat(200_000),
                List.of()));
        assertThat(longAddress.status()).as(longAddress.toString()).isIn(400, 413);
        if (longAddress.status() == 400) {
            assertThat(Probes.fields(longAddress)).contains("address");
        }
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            flags.add("FLAG_" + i);
        }
        Probes.assertNames(admin.post("/api/v1/establishments", establishment(id, "港城路1号", flags)), "flags");
        Probes.assertProblem(admin.get("/api/v1/establishments/" + id), 404);

        TestHttp.Response huge = admin.post("/api/v1/hazards", "{\"description\":\"" + "x".repeat(3 * 1024 * 1024)
                + "\"}", Map.of());
        Probes.assertProblem(huge, 413);
    }

    static Map<String, Object> establishment(String id, String address, List<String> flags) {
        return Map.ofEntries(Map.entry("id", id), Map.entry("name", "资源测试有限公司"), Map.entry("kind", "INDUSTRIAL"),
                Map.entry("industry", "TEXTILES"), Map.entry("departmentId", "dept-industry"),
                Map.entry("unitId", "zjg-jinfeng-v01-g1-u1"), Map.entry("riskLevel", "GENERAL"),
                Map.entry("flags", flags), Map.entry("employeeCount", 20), Map.entry("address", address),
                Map.entry("latitude", 31.95), Map.entry("longitude", 120.63));
    }
}
