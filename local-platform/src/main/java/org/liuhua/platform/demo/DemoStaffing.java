package org.liuhua.platform.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.liuhua.platform.Platform;
import org.liuhua.platform.keycloak.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The demo city's named safety staff and signed cluster assessments (G-7, G-8), through the public API: 锦丰镇's
 * officer names the town's safety and fire staff, the city admin names them for 杨舍镇 (complete) and the development
 * zone (two safety staff short of its ten), the 住建局 officer names the department's staff, the city admin reports
 * the figures of 商务局 (2, its rule) and 交通运输局 (2 of 3). 锦丰镇 divides its other industrial enterprises into
 * village clusters (整个村作为一个工业集中区), the city admin assesses them and 锦丰镇's safety office signs the
 * assessments off (one is left waiting), so the town's 双七十 figure is real; the other towns' clusters wait for their
 * own town's sign-off (the demo realm has a town officer for 锦丰镇 only).
 */
final class DemoStaffing {

    private static final String JINFENG = "zjg-jinfeng";
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "周", "吴", "徐", "孙", "朱", "沈"};
    private static final String[] GIVEN = {"建国", "晓东", "海燕", "志强", "丽华", "文斌", "春梅", "国庆", "伟", "敏"};

    private final Random random = new Random(DemoData.SEED + 7);

    private DemoStaffing() {
    }

    /** Loads it; a failure is reported, not fatal (the city is there already). */
    static void load(Platform platform, DemoApi admin) {
        String tokenUrl = platform.identity().tokenUrl();
        DemoApi townOfficer = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedPassword(tokenUrl, "liuhua-cli", "town-officer", "liuhua"));
        DemoApi departmentOfficer = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedPassword(tokenUrl, "liuhua-cli", "department-officer", "liuhua"));
        DemoStaffing demo = new DemoStaffing();
        demo.staff(admin, townOfficer, departmentOfficer);
        int signed = demo.clusters(admin, townOfficer);
        System.out.println("[liuhua] demo staffing and 双七十: named staff of 3 towns and 1 department, " + signed
                + " cluster assessments signed off in 锦丰镇");
    }

    private void staff(DemoApi admin, DemoApi townOfficer, DemoApi departmentOfficer) {
        name(townOfficer, "/api/v1/towns/" + JINFENG + "/staff", "jf", 6, 3);
        name(admin, "/api/v1/towns/zjg-yangshe/staff", "ys", 6, 3);
        name(admin, "/api/v1/towns/zjg-etdz/staff", "etdz", 8, 5);
        name(departmentOfficer, "/api/v1/departments/dept-housing/staff", "zj", 3, 0);
        admin.put("/api/v1/departments/dept-commerce/staffing", Map.of("safetyStaff", 2));
        admin.put("/api/v1/departments/dept-transport/staffing", Map.of("safetyStaff", 2));
    }

    private void name(DemoApi api, String path, String prefix, int safety, int fire) {
        for (int i = 1; i <= safety + fire; i++) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("personId", "p-staff-" + prefix + "-" + i);
            person.put("name", SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]);
            person.put("post", i <= safety ? "SAFETY" : "FIRE");
            person.put("phone", "139" + String.format("%08d", random.nextInt(100_000_000)));
            api.post(path, person);
        }
    }

    /** Answers how many assessments 锦丰镇's safety office signed off. */
    private int clusters(DemoApi admin, DemoApi townOfficer) {
        int signed = signPending(townOfficer, "cluster-jinfeng-01");
        Set<String> inFirst = new java.util.HashSet<>();
        admin.get("/api/v1/clusters/cluster-jinfeng-01").get("memberAssessments")
                .forEach(m -> inFirst.add(m.get("establishmentId").asString()));
        Map<String, List<String>> byVillage = new TreeMap<>();
        JsonNode industrial = admin.get("/api/v1/establishments?townId=" + JINFENG + "&kind=INDUSTRIAL&size=200");
        industrial.get("items").forEach(e -> {
            String id = e.get("id").asString();
            if (!inFirst.contains(id) && e.get("villageId") != null && !e.get("villageId").isNull()) {
                byVillage.computeIfAbsent(e.get("villageId").asString(), v -> new ArrayList<>()).add(id);
            }
        });
        Map<String, String> villageNames = new LinkedHashMap<>();
        admin.get("/api/v1/villages?townId=" + JINFENG + "&size=200").get("items")
                .forEach(v -> villageNames.put(v.get("id").asString(), v.get("name").asString()));
        // shares passing per village cluster: most standardised (≥ 70 %), one not
        double[] passing = {0.8, 0.75, 0.5, 0.9};
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int k = 0;
        String last = null;
        for (Map.Entry<String, List<String>> village : byVillage.entrySet()) {
            List<String> members = village.getValue().stream().limit(12).toList();
            if (members.size() < 4) {
                continue;
            }
            String clusterId = "cluster-jinfeng-" + village.getKey().substring(village.getKey().lastIndexOf('-') + 1);
            String name = villageNames.getOrDefault(village.getKey(), village.getKey()) + "工业集中区";
            admin.post("/api/v1/clusters", Map.of("id", clusterId, "name", name, "townId", JINFENG,
                    "memberIds", members));
            int passes = (int) Math.ceil(passing[k % passing.length] * members.size());
            for (int i = 0; i < members.size(); i++) {
                boolean passed = i < passes;
                admin.post("/api/v1/clusters/" + clusterId + "/assessments", Map.of(
                        "id", clusterId + "-a" + (i + 1), "establishmentId", members.get(i), "passed", passed,
                        "failedItems", passed ? List.of() : List.of("三单两卡一图一牌未设置到位"),
                        "assessedAt", today.minusDays(5 + random.nextInt(40)).atTime(10, 0)
                                .atZone(ZoneId.of("Asia/Shanghai")).toInstant().toString()));
            }
            signed += signPending(townOfficer, clusterId);
            last = clusterId;
            k++;
        }
        // one more assessment waits for the town's sign-off
        if (last != null) {
            JsonNode cluster = admin.get("/api/v1/clusters/" + last);
            if (cluster.get("memberAssessments").size() > 0) {
                admin.post("/api/v1/clusters/" + last + "/assessments", Map.of("id", last + "-recheck",
                        "establishmentId", cluster.get("memberAssessments").get(0).get("establishmentId").asString(),
                        "passed", true, "assessedAt", today.minusDays(1).atTime(15, 0)
                                .atZone(ZoneId.of("Asia/Shanghai")).toInstant().toString()));
            }
        }
        return signed;
    }

    /** Signs off in the order of the assessment dates (each sign-off carries the cluster's counts after it). */
    private static int signPending(DemoApi townOfficer, String clusterId) {
        int signed = 0;
        List<JsonNode> waiting = new ArrayList<>();
        townOfficer.get("/api/v1/clusters/" + clusterId).get("pendingAssessments").forEach(waiting::add);
        waiting.sort(java.util.Comparator.comparing(a -> a.get("assessedAt").asString()));
        for (JsonNode pending : waiting) {
            townOfficer.post("/api/v1/clusters/" + clusterId + "/assessments/" + pending.get("assessmentId").asString()
                    + "/sign-off", null);
            signed++;
        }
        return signed;
    }
}
