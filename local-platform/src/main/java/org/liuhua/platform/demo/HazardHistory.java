package org.liuhua.platform.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/**
 * The hazard side of the demo city, through hazard-service's API: the demo firm's contracts and pushed findings,
 * enterprise self-checks, law-enforcement findings and public reports beside the patrol findings (which arrive by
 * event), then most hazards moved through the closed loop — transfer, acknowledge, rectify with the five parts,
 * review (by another person than the reporter), enforcement, the town's supervision order and the department's
 * sign-off for major hazards, close — so the cockpit shows a city in mid-year.
 */
final class HazardHistory {

    private final Random random;
    private final LocalDate today;
    private final List<Map<String, Object>> establishments;

    HazardHistory(Random random, LocalDate today, List<Map<String, Object>> establishments) {
        this.random = random;
        this.today = today;
        this.establishments = establishments;
    }

    /** Loads and answers how many hazards were reported directly (patrol findings come on their own). */
    int load(DemoApi api) {
        return load(api, api, api);
    }

    /**
     * @param seeder   CITY_ADMIN client: contracts, reports, transfers, enforcement
     * @param reviewer a different CITY_ADMIN person, who reviews (谁检查、谁签名、谁负责)
     * @param firm     the demo firm's client (THIRD_PARTY_FIRM)
     */
    int load(DemoApi seeder, DemoApi reviewer, DemoApi firm) {
        List<String> contracted = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            contracted.add("est-jinfeng-%04d".formatted(i));
        }
        seeder.post("/api/v1/contracts", Map.of("firmId", "demo-firm", "establishmentIds", contracted,
                "validFrom", today.minusMonths(11).toString(), "validTo", today.plusMonths(1).toString()));

        int reported = 0;
        List<Map<String, Object>> pushed = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String establishmentId = contracted.get(random.nextInt(contracted.size()));
            DemoCity.Finding f = DemoCity.FINDINGS.get(random.nextInt(DemoCity.FINDINGS.size()));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("externalId", "DF-" + today.getYear() + "-%05d".formatted(i + 1));
            item.put("establishmentId", establishmentId);
            item.put("townId", "zjg-jinfeng");
            item.put("category", f.category());
            item.put("severity", random.nextInt(20) == 0 ? "MAJOR" : "GENERAL");
            item.put("description", f.description() + "（第三方检查）");
            item.put("foundAt", today.minusDays(1 + random.nextInt(300)).atTime(10, 0).atZone(DemoCity.CHINA)
                    .toInstant().toString());
            if (i % 8 == 0) {
                item.put("deadline", today.plusDays(random.nextInt(3)).toString());   // short: intake refuses a past one
            }
            pushed.add(item);
        }
        firm.post("/api/v1/intake/findings", Map.of("findings", pushed), Map.of("Idempotency-Key",
                "demo-firm-batch-" + today));
        reported += pushed.size();

        List<Runnable> reports = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            Map<String, Object> e = establishments.get(random.nextInt(establishments.size()));
            DemoCity.Finding f = DemoCity.FINDINGS.get(random.nextInt(DemoCity.FINDINGS.size()));
            String source = i % 3 == 0 ? "LAW_ENFORCEMENT" : i % 11 == 0 ? "SUPERIOR_INSPECTION"
                    : i % 17 == 0 ? "GRID_PATROL" : "ENTERPRISE_SELF_CHECK";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("establishmentId", e.get("id"));
            body.put("townId", townOf(e));
            body.put("category", f.category());
            body.put("severity", random.nextInt(30) == 0 ? "MAJOR" : "GENERAL");
            body.put("source", source);
            body.put("sourceRef", source.substring(0, 3) + "-" + today + "-" + i);
            body.put("description", f.description());
            reports.add(() -> seeder.post("/api/v1/hazards", body));
        }
        DemoCity.parallel(reports);
        reported += reports.size();

        publicReports(seeder);
        awaitPatrolHazards(seeder);
        progress(seeder, reviewer);
        interviews(seeder);
        return reported;
    }

    /**
     * Warning interviews (约谈警示) of the last months: the supervising department calls in the principals of
     * establishments whose hazards stayed open or came back (the monthly table's last column).
     */
    private void interviews(DemoApi seeder) {
        String[] reasons = {
                "重大事故隐患逾期未整改，约谈企业主要负责人，责令限期整改并报送整改方案",
                "同类隐患反复出现，企业自查流于形式，约谈警示并要求开展全员安全培训",
                "有限空间作业未执行审批制度，约谈企业安全管理人员",
                "粉尘涉爆除尘系统未按规定清理，约谈企业负责人并纳入重点检查名单"};
        for (int i = 0; i < 10; i++) {
            Map<String, Object> e = establishments.get(random.nextInt(establishments.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("establishmentId", e.get("id"));
            body.put("heldOn", today.minusDays(3 + random.nextInt(170)).toString());
            body.put("reason", reasons[i % reasons.length]);
            body.put("attendees", List.of("企业主要负责人", "安全管理人员", "镇安监办"));
            seeder.post("/api/v1/hazards/interviews", body);
        }
    }

    /**
     * A few citizens' reports (随手拍 / 12345), each from its own address (the header the gateway sets in front of
     * the service; documentation-range addresses): two verified into hazards, one rejected with its reason, one
     * still waiting for the town.
     */
    private void publicReports(DemoApi seeder) {
        String[][] reports = {
                {"est-jinfeng-0003", "FIRE_SAFETY", "店门口堆放大量纸箱，堵住了消防通道"},
                {"est-yangshe-0005", "ELECTRICAL", "楼道里有人给电动车充电，电线拖在地上"},
                {"est-tangqiao-0002", "GAS", "饭店后厨燃气味很重"},
                {"est-leyu-0004", "EVACUATION", "晚上营业时安全出口被锁住"}};
        for (int i = 0; i < reports.length; i++) {
            String establishmentId = reports[i][0];
            String town = "zjg-" + establishmentId.substring(4, establishmentId.lastIndexOf('-'));
            JsonNode tracking = seeder.post("/api/v1/public/reports", Map.of("townId", town,
                    "establishmentId", establishmentId, "category", reports[i][1], "description", reports[i][2],
                    "contact", "1390000%04d".formatted(i)), Map.of("X-Forwarded-For", "203.0.113." + (10 + i)));
            String code = tracking.get("code").asString();
            if (i < 2) {
                seeder.post("/api/v1/public-reports/" + code + "/verify", Map.of("establishmentId", establishmentId,
                        "category", reports[i][1], "severity", "GENERAL", "description", reports[i][2] + "（群众举报，已核实）"));
            } else if (i == 2) {
                seeder.post("/api/v1/public-reports/" + code + "/reject", Map.of("reason",
                        "现场核查燃气管道完好、报警装置正常，系邻近餐馆油烟气味"));
            }
        }
    }

    private static String townOf(Map<String, Object> establishment) {
        String id = (String) establishment.get("id");
        return "zjg-" + id.substring(4, id.lastIndexOf('-'));
    }

    /**
     * Patrol findings become hazards through events; wait (up to 90 s) until their number has not grown for two
     * seconds, asking once a second (the count filters on the source, which the MongoDB stand-in answers by reading
     * every hazard: asked every 250 ms, it cost the demo load several CPU-seconds).
     */
    private void awaitPatrolHazards(DemoApi api) {
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = stableSince + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            long now = api.get("/api/v1/hazards?source=GRID_PATROL&size=1").path("totalElements").asLong();
            if (now != last || now == 0) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= Duration.ofSeconds(2).toNanos()) {
                return;
            }
            sleep(1000);
        }
    }

    /** Why a general hazard was raised to major (重大事故隐患判定标准). */
    private static final String[] RAISE_REASONS = {
            "粉尘涉爆除尘系统未按规范设置泄爆装置，属工贸行业重大事故隐患判定标准所列情形",
            "有限空间作业未落实先通风、再检测、后作业，且未设置监护人员",
            "液氨制冷车间氨压缩机房未设置可燃气体报警装置并与事故排风联锁",
            "人员密集场所疏散通道、安全出口被占用且未设置应急照明，经复查认定为重大火灾隐患"};

    /** Moves hazards through the loop; the choice per hazard comes from the seeded random. */
    private void progress(DemoApi seeder, DemoApi reviewer) {
        List<JsonNode> open = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode result = seeder.get("/api/v1/hazards?state=REPORTED&size=200&sort=reportedAt,asc&page=" + page);
            result.path("items").forEach(open::add);
            if (page + 1 >= result.path("totalPages").asInt()) {
                break;
            }
        }
        List<Runnable> steps = new ArrayList<>();
        for (JsonNode hazard : open) {
            String id = hazard.get("id").asString();
            boolean major = "MAJOR".equals(hazard.path("severity").asString());
            boolean selfCheck = "ENTERPRISE_SELF_CHECK".equals(hazard.path("source").asString());
            int fate = random.nextInt(100);
            boolean failFirstReview = random.nextInt(100) < 8;
            String department = hazard.path("departmentId").asString(null);
            boolean viaDepartment = department != null && random.nextInt(100) < 30;
            int penalty = 2000 + random.nextInt(48) * 1000;
            String caseNumber = "张应急罚〔" + today.getYear() + "〕" + (100 + random.nextInt(900)) + "号";
            int funds = 500 + random.nextInt(200) * 100;
            String person = DemoCity.PERSON_SURNAMES[random.nextInt(DemoCity.PERSON_SURNAMES.length)] + "经理";
            steps.add(() -> advance(seeder, reviewer, id, major, selfCheck, fate, failFirstReview,
                    viaDepartment ? department : null, penalty, caseNumber, funds, person));
        }
        DemoCity.parallel(steps);
    }

    private void advance(DemoApi seeder, DemoApi reviewer, String id, boolean major, boolean selfCheck, int fate,
                         boolean failFirstReview, String department, int penalty, String caseNumber, int funds,
                         String person) {
        if (fate < 12) {
            return; // still REPORTED: just found
        }
        String path = "/api/v1/hazards/" + id;
        if (!major && fate % 17 == 0) {
            // a general hazard found to be major on closer inspection (定为重大事故隐患): it joins the major register
            seeder.post(path + "/raise-severity", Map.of("reason", RAISE_REASONS[fate % RAISE_REASONS.length]));
            major = true;
        }
        if (major) {
            seeder.post(path + "/supervision-order", Map.of("orderNumber", "张安委督〔" + today.getYear() + "〕"
                    + id.substring(0, 6), "note", "重大事故隐患挂牌督办"));
        }
        Map<String, Object> transfer = new LinkedHashMap<>();
        transfer.put("toEstablishment", true);
        if (department != null) {
            transfer.put("departmentId", department);
        }
        transfer.put("note", "移交企业整改" + (department != null ? "，抄送行业主管部门" : ""));
        seeder.post(path + "/transfer", transfer);
        if (department != null && fate % 29 == 0) {
            // the department refuses (not its supervision duty): back with the town, which transfers to the enterprise
            seeder.post(path + "/refuse-transfer", Map.of("reason",
                    "该隐患属企业内部安全管理问题，不属于本部门行业监管范围，退回镇街处理"));
            seeder.post(path + "/transfer", Map.of("toEstablishment", true, "note", "部门退回后，镇街直接移交企业整改"));
            department = null;
        } else if (department != null && fate % 23 == 0 && !"dept-emergency".equals(department)) {
            seeder.post(path + "/reroute-transfer", Map.of("departmentId", "dept-emergency", "reason",
                    "涉及危险化学品储存使用，按职责分工转交应急管理局"));
        }
        if (department != null) {
            seeder.post(path + "/acknowledge", Map.of("note", "部门报到"));
        }
        if (fate < 25) {
            return; // TRANSFERRED or RECTIFYING
        }
        Map<String, Object> rectification = Map.of("measures", "清理整改，完善制度并组织培训",
                "responsiblePerson", person, "fundsCny", funds,
                "deadline", today.plusDays(15).toString(), "contingencyPlan", "整改期间落实专人值守和应急处置措施");
        seeder.post(path + "/rectify", rectification);
        if (fate < 35) {
            return; // REVIEW
        }
        if (failFirstReview) {
            reviewer.post(path + "/review", Map.of("passed", false, "note", "整改不彻底，需重新整改"));
            seeder.post(path + "/rectify", rectification);
        }
        reviewer.post(path + "/review", Map.of("passed", true, "note", "复核通过"));
        if (fate < 42) {
            return; // ENFORCEMENT pending
        }
        Map<String, Object> enforcement = new LinkedHashMap<>();
        if (major && selfCheck) {
            enforcement.put("kind", "EXEMPT");
            enforcement.put("note", "企业自查自报并完成整改，依法免予行政处罚");
        } else if (major || fate % 5 == 0) {
            enforcement.put("kind", "PENALTY");
            enforcement.put("penaltyAmountCny", penalty);
            enforcement.put("caseNumber", caseNumber);
        } else if (fate % 7 == 0) {
            enforcement.put("kind", "CASE_FILED");
            enforcement.put("caseNumber", caseNumber);
        } else {
            enforcement.put("kind", "NONE");
        }
        seeder.post(path + "/enforce", enforcement);
        if (major) {
            seeder.post(path + "/sign-off", Map.of("note", "行业主管部门审核把关"));
        }
        seeder.post(path + "/close", Map.of("note", "销号"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
