package org.liuhua.platform.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.liuhua.platform.Platform;
import org.liuhua.platform.keycloak.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The hazard sources beside patrols and firms, through hazard-service's public API: the demo monitoring system
 * ({@code demo-sensors}: gas detectors and AI video in 锦丰镇) pushes its alerts, once more as a retry (all answered
 * DUPLICATE); a 12350 hotline report is verified and its reward proposed, approved by another city officer and paid;
 * a department refuses a transfer that is not its duty; and hazards due today, which the escalation pass marks overdue
 * and escalates once the day is over.
 */
final class DemoSources {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private DemoSources() {
    }

    /** Loads the sources demo; a failure is reported and leaves the rest of the demo city in place. */
    static void load(Platform platform, Supplier<String> seederToken) {
        String tokenUrl = platform.identity().tokenUrl();
        DemoApi seeder = new DemoApi(platform.gatewayUrl(), platform.directRoutes(), seederToken);
        DemoApi reviewer = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedPassword(tokenUrl, "liuhua-cli", "city-admin", "liuhua"));
        DemoApi sensors = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedClientCredentials(tokenUrl, "demo-sensors", "demo-sensors-secret"));
        LocalDate today = LocalDate.now(CITY);
        int alerts = sensorAlerts(sensors, today);
        hotlineReportRewarded(seeder, reviewer, today);
        refusedTransfer(seeder);
        dueToday(seeder, today);
        System.out.printf("[liuhua] demo sources loaded (%d sensor alerts, a reward paid, a refused transfer)%n",
                alerts);
    }

    private static int sensorAlerts(DemoApi sensors, LocalDate today) {
        String[][] alerts = {
                {"IOT_SENSOR", "GAS", "GENERAL", "厨房可燃气体探测器报警，浓度达爆炸下限的25%"},
                {"IOT_SENSOR", "GAS", "MAJOR", "液化气瓶间可燃气体浓度持续超限，紧急切断阀未动作"},
                {"AI_VIDEO", "PPE", "GENERAL", "AI视频识别：车间作业人员未佩戴安全帽"},
                {"AI_VIDEO", "FIRE_SAFETY", "GENERAL", "AI视频识别：消防通道被货物占用超过30分钟"},
                {"AI_VIDEO", "SMOKING", "GENERAL", "AI视频识别：仓库区域有人吸烟"},
                {"IOT_SENSOR", "ELECTRICAL", "GENERAL", "电气火灾监控探测器报警：配电箱线缆温度达85℃"},
                {"AI_VIDEO", "ELECTRIC_BIKE", "GENERAL", "AI视频识别：电动自行车进入电梯"},
                {"IOT_SENSOR", "DUST_EXPLOSION", "GENERAL", "除尘器进出口压差异常，疑似滤袋堵塞"}};
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < alerts.length; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("alertId", "JF-" + today + "-" + (1001 + i));
            item.put("establishmentId", "est-jinfeng-%04d".formatted(11 + i * 7));
            item.put("townId", "zjg-jinfeng");
            item.put("kind", alerts[i][0]);
            item.put("category", alerts[i][1]);
            item.put("severity", alerts[i][2]);
            item.put("description", alerts[i][3]);
            item.put("detectedAt", today.minusDays(1 + i).atTime(9 + i, 15).atZone(CITY).toInstant().toString());
            items.add(item);
        }
        sensors.post("/api/v1/intake/alerts", Map.of("alerts", items));
        // the system's connection dropped before it saw the answer: it pushes the same alerts again
        JsonNode retried = sensors.post("/api/v1/intake/alerts", Map.of("alerts", items));
        return retried.path("received").asInt();
    }

    private static void hotlineReportRewarded(DemoApi seeder, DemoApi reviewer, LocalDate today) {
        JsonNode report = seeder.post("/api/v1/public/reports", Map.of("townId", "zjg-jinfeng",
                "establishmentId", "est-jinfeng-0126", "category", "GAS", "channel", "HOTLINE_12350",
                "description", "举报：某公司食堂液化气钢瓶放在地下室使用，无报警装置", "contact", "13900009999"),
                Map.of("X-Forwarded-For", "203.0.113.40"));
        String code = report.get("code").asString();
        String hazardId = seeder.post("/api/v1/public-reports/" + code + "/verify", Map.of("establishmentId",
                "est-jinfeng-0126", "category", "GAS", "severity", "MAJOR", "description",
                "经现场核实，食堂液化气钢瓶设置在地下室，属重大事故隐患")).get("hazardId").asString();
        seeder.post("/api/v1/rewards/" + hazardId + "/propose", Map.of());
        reviewer.post("/api/v1/rewards/" + hazardId + "/approve", Map.of());
        seeder.post("/api/v1/rewards/" + hazardId + "/pay", Map.of("paymentReference",
                "张应急奖〔" + today.getYear() + "〕3号", "paidOn", today.toString()));
    }

    private static void refusedTransfer(DemoApi seeder) {
        JsonNode hazard = seeder.post("/api/v1/hazards", Map.of("establishmentId", "est-jinfeng-0150",
                "townId", "zjg-jinfeng", "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT", "description", "员工宿舍私拉电线、违规使用大功率电器"));
        String id = hazard.get("id").asString();
        seeder.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true,
                "departmentId", "dept-transport", "note", "镇街吹哨"));
        seeder.post("/api/v1/hazards/" + id + "/refuse-transfer", Map.of("reason",
                "该单位不涉及道路运输经营，不属于交通运输部门监管范围，退回镇街按行业重新移交"));
    }

    /** Due today (立即整改): overdue and escalated to the responsible party by the escalation pass after midnight. */
    private static void dueToday(DemoApi seeder, LocalDate today) {
        for (String establishmentId : List.of("est-jinfeng-0135", "est-jinfeng-0136")) {
            seeder.post("/api/v1/hazards", Map.of("establishmentId", establishmentId, "townId", "zjg-jinfeng",
                    "category", "EVACUATION",
                    "source", "SUPERIOR_INSPECTION", "severity", "GENERAL", "deadline", today.toString(),
                    "description", "上级督查发现安全出口上锁，责令当日整改"));
        }
    }
}
