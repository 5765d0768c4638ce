package org.liuhua.platform.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.liuhua.platform.Platform;
import tools.jackson.databind.JsonNode;

/**
 * The demo city's training records (全员化), loaded through training-service's own API after the city: staff for two
 * establishments per town (sized from their employee counts, capped), twelve months of inductions, sessions,
 * certificates (some expiring, some expired), drills, a rental factory with a new tenant that has not drilled, targeted
 * courses with completions and points, and spot exams — with the gaps a real city has, so the violation lists and the
 * rates show something. The demo STAFF user is {@code est-jinfeng-0001-E0001}.
 */
public final class DemoTraining {

    static final int STAFF_CAP = 40;
    private static final String[] POSTS = {"冲压工", "装配工", "质检员", "仓管员", "叉车司机", "电工", "焊工", "包装工",
            "操作工", "维修工"};
    private static final String[] SPECIAL = {"电工作业", "焊接与热切割作业", "高处作业", "制冷与空调作业"};

    private final Random random;
    private final LocalDate today = LocalDate.now(DemoCity.CHINA);
    private final AtomicInteger calls = new AtomicInteger();

    private DemoTraining(long seed) {
        this.random = new Random(seed);
    }

    /** Loads the training demo; a failure is reported and leaves the rest of the demo city in place. */
    public static void load(Platform platform, Supplier<String> seederToken) {
        String training = "http://127.0.0.1:" + platform.port("training-service");
        Map<String, String> routes = new LinkedHashMap<>(platform.directRoutes());
        routes.put("/api/v1/training", training);
        routes.put("/api/v1/spot-exams", training);
        DemoApi api = new DemoApi(platform.gatewayUrl(), routes, seederToken);
        DemoTraining demo = new DemoTraining(DemoData.SEED + 9);
        demo.run(api);
        System.out.printf("[liuhua] demo training records loaded (%d requests)%n", demo.calls.get());
    }

    private void run(DemoApi api) {
        List<JsonNode> chosen = new ArrayList<>();
        for (DemoCity.Town town : DemoCity.TOWNS) {
            JsonNode page = api.get("/api/v1/establishments?townId=" + town.id() + "&size=2");
            page.get("items").forEach(chosen::add);
        }
        if (chosen.stream().noneMatch(e -> e.get("id").asString().equals("est-jinfeng-0001"))) {
            chosen.add(0, api.get("/api/v1/establishments/est-jinfeng-0001"));
        }
        // training-service learns establishments from grid-service's events, on three partitions: each one is
        // awaited, not only the first (its partition may be ahead of the others')
        chosen.forEach(e -> awaitKnown(api, e.get("id").asString()));
        List<Map<String, Object>> courses = courses(api);
        List<Runnable> work = new ArrayList<>();
        for (JsonNode e : chosen) {
            long seed = random.nextLong();
            work.add(() -> establishment(api, e, new Random(seed), courses));
        }
        DemoCity.parallel(work);
        rentalFactory(api, chosen.stream().filter(e -> e.get("townId").asString().equals("zjg-jinfeng")).toList());
        spotExams(api, chosen);
    }

    private void awaitKnown(DemoApi api, String establishmentId) {
        long until = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                api.get("/api/v1/training/staff?establishmentId=" + establishmentId);
                api.post("/api/v1/training/staff/batch", Map.of("establishmentId", establishmentId, "items",
                        List.of()));
                return;
            } catch (DemoApi.DemoLoadException notYet) {
                if (System.currentTimeMillis() > until) {
                    throw notYet;
                }
                sleep(200);
            }
        }
    }

    private void establishment(DemoApi api, JsonNode e, Random r, List<Map<String, Object>> courses) {
        String id = e.get("id").asString();
        int size = Math.max(4, Math.min(STAFF_CAP, e.get("employeeCount").asInt()));
        List<Map<String, String>> items = new ArrayList<>();
        Map<String, String> roles = new HashMap<>();
        for (int i = 1; i <= size; i++) {
            String no = "E%04d".formatted(i);
            String role = i == 2 ? "PRINCIPAL" : i == 3 ? "SAFETY_MANAGER" : i % 8 == 0 ? "SPECIAL_OPERATIONS"
                    : i % 15 == 0 ? "DISPATCHED" : i % 25 == 0 ? "INTERN" : "FRONT_LINE";
            String post = role.equals("PRINCIPAL") ? "总经理" : role.equals("SAFETY_MANAGER") ? "安全科长"
                    : role.equals("SPECIAL_OPERATIONS") ? (i % 16 == 0 ? "焊工" : "电工") : POSTS[r.nextInt(POSTS.length)];
            LocalDate hired = today.minusDays(30 + r.nextInt(8 * 365));
            Map<String, String> item = new LinkedHashMap<>();
            item.put("employeeNo", no);
            item.put("name", DemoCity.PERSON_SURNAMES[r.nextInt(DemoCity.PERSON_SURNAMES.length)]
                    + DemoCity.PERSON_GIVEN[r.nextInt(DemoCity.PERSON_GIVEN.length)]);
            item.put("role", role);
            item.put("post", post);
            item.put("workshop", (1 + r.nextInt(3)) + "号车间");
            item.put("team", r.nextBoolean() ? "甲班" : "乙班");
            item.put("hireDate", hired.toString());
            item.put("phone", "139" + "%08d".formatted(r.nextInt(100_000_000)));
            items.add(item);
            roles.put(id + "-" + no, role);
        }
        post(api, "/api/v1/training/staff/batch", Map.of("establishmentId", id, "items", items));
        String principal = id + "-E0002";
        // the establishment's induction cards in one batch, as its safety officer enters them; the post changes after
        List<Map<String, Object>> cards = new ArrayList<>();
        List<Map.Entry<String, Map<String, String>>> postChanges = new ArrayList<>();
        for (Map<String, String> item : items) {
            String staffId = id + "-" + item.get("employeeNo");
            LocalDate hired = LocalDate.parse(item.get("hireDate"));
            int roll = r.nextInt(100);
            List<String> levels = roll < 86 ? List.of("COMPANY", "WORKSHOP", "TEAM")
                    : roll < 94 ? List.of("COMPANY", "WORKSHOP") : List.of();
            if (staffId.endsWith("-E0001")) {
                levels = List.of("COMPANY", "WORKSHOP", "TEAM");
            }
            for (String level : levels) {
                cards.add(Map.of("staffId", staffId, "level", level, "heldOn", hired.minusDays(3).toString(),
                        "hours", 8 + r.nextInt(5), "trainer",
                        level.equals("COMPANY") ? "安全科" : level.equals("WORKSHOP") ? "车间主任" : "班组长",
                        "theoryScore", 70 + r.nextInt(30), "practicalScore", 72 + r.nextInt(28)));
            }
            if (r.nextInt(100) < 3 && !staffId.endsWith("-E0001")) {
                postChanges.add(Map.entry(staffId, Map.of("post", "叉车司机",
                        "effectiveOn", today.minusDays(r.nextInt(40)).toString(), "note", "调岗，待重新三级教育")));
            }
            String role = roles.get(staffId);
            if (!role.equals("PRINCIPAL") && !role.equals("SAFETY_MANAGER") && !role.equals("SPECIAL_OPERATIONS")) {
                continue;
            }
            int c = r.nextInt(100);
            if (c < 7) {
                continue;
            }
            LocalDate expires = c < 12 ? today.minusDays(1 + r.nextInt(60)) : c < 20 ? today.plusDays(5 + r.nextInt(85))
                    : today.plusDays(180 + r.nextInt(4 * 365));
            post(api, "/api/v1/training/certificates", Map.of("staffId", staffId,
                    "category", role.equals("SPECIAL_OPERATIONS") ? SPECIAL[r.nextInt(SPECIAL.length)]
                            : role.equals("PRINCIPAL") ? "主要负责人安全生产知识和管理能力考核" : "安全生产管理人员考核",
                    "number", "T" + Math.abs((long) staffId.hashCode()) + r.nextInt(1000), "issuer", "苏州市应急管理局",
                    "issuedOn", expires.minusYears(role.equals("SPECIAL_OPERATIONS") ? 6 : 3).toString(),
                    "expiresOn", expires.toString()));
        }
        calls.incrementAndGet();
        JsonNode inducted = api.post("/api/v1/training/staff/inductions/batch", Map.of("establishmentId", id,
                "items", cards));
        if (inducted.path("rejected").asInt() != 0) {
            throw new IllegalStateException("induction cards of " + id + " refused: " + inducted.get("errors"));
        }
        postChanges.forEach(change -> post(api, "/api/v1/training/staff/" + change.getKey() + "/post-changes",
                change.getValue()));
        sessions(api, e, r, principal);
        drills(api, e, r);
        for (Map<String, String> item : items) {
            if (r.nextInt(100) < 45) {
                Map<String, Object> course = courses.get(r.nextInt(courses.size()));
                try {
                    post(api, "/api/v1/training/courses/" + course.get("id") + "/completions", Map.of("staffId",
                            id + "-" + item.get("employeeNo"), "completedOn", today.minusDays(r.nextInt(330)).toString()));
                } catch (DemoApi.DemoLoadException notAssigned) {
                    // a course not pushed to this post: skipped, as a person would not see it
                }
            }
        }
    }

    private void sessions(DemoApi api, JsonNode e, Random r, String principal) {
        String id = e.get("id").asString();
        boolean industrial = e.get("kind").asString().equals("INDUSTRIAL");
        boolean diligent = r.nextInt(100) < 60;
        for (int m = 11; m >= 0; m--) {
            YearMonth month = YearMonth.from(today).minusMonths(m);
            LocalDate day = month.atDay(1 + r.nextInt(Math.min(27, month.equals(YearMonth.from(today))
                    ? today.getDayOfMonth() : 27)));
            if (industrial && (diligent ? r.nextInt(100) < 90 : r.nextInt(100) < 25)) {
                post(api, "/api/v1/training/sessions", Map.of("establishmentId", id, "type", "SHIFT_BRIEFING",
                        "heldOn", day.toString(), "topic", "班前五分钟：岗位风险与应急处置", "content",
                        "讲解当班作业风险点、劳保用品佩戴、应急疏散路线", "attendeeCount", 6 + r.nextInt(20),
                        "photos", List.of("evidence/" + id + "-briefing-" + month + ".jpg")));
            }
            if (industrial && month.getMonthValue() % 3 == 0 && r.nextInt(100) < 80) {
                post(api, "/api/v1/training/sessions", Map.of("establishmentId", id, "type", "QUARTERLY_LECTURE",
                        "heldOn", day.toString(), "topic", "一季一课：主要负责人讲安全", "lecturerStaffId", principal,
                        "attendeeCount", 10 + r.nextInt(30), "durationMinutes", 45,
                        "photos", List.of("evidence/" + id + "-lecture-" + month + ".jpg")));
            }
            if (month.getMonthValue() == 2 && r.nextBoolean()) {
                post(api, "/api/v1/training/sessions", Map.of("establishmentId", id, "type", "SEASON_OPENING",
                        "heldOn", day.toString(), "topic", "开工第一课：设备检修、人员培训、责任落实、应急准备、风险辨识五个到位",
                        "attendeeCount", 15 + r.nextInt(40)));
            }
        }
        if (e.get("flags").toString().contains("HAZARDOUS_CHEMICALS")) {
            post(api, "/api/v1/training/sessions", Map.of("establishmentId", id, "type", "PRINCIPAL_REVIEW",
                    "heldOn", today.minusDays(20 + r.nextInt(100)).toString(), "topic", "一述四评一诺",
                    "lecturerStaffId", principal, "attendeeCount", 9,
                    "reviewers", List.of("镇安监办", "行业主管部门", "职工代表", "专家"), "outcome", "合格，限期完善隐患排查台账"));
        }
    }

    private void drills(DemoApi api, JsonNode e, Random r) {
        String kind = e.get("kind").asString();
        boolean required = !kind.equals("INDUSTRIAL") && !kind.equals("RESIDENTIAL")
                || e.get("flags").toString().contains("HAZARDOUS_CHEMICALS")
                || e.get("flags").toString().contains("METAL_SMELTING");
        if (!required) {
            return;
        }
        for (int half = 1; half >= 0; half--) {
            if (r.nextInt(100) < 70) {
                post(api, "/api/v1/training/drills", Map.of("establishmentId", e.get("id").asString(),
                        "type", r.nextBoolean() ? "EVACUATION" : "FIRE", "heldOn",
                        today.minusMonths(half * 6L).minusDays(r.nextInt(60)).toString(), "participants",
                        5 + r.nextInt(60), "scenario", "仓库起火，全员疏散至集合点并清点人数",
                        "photos", List.of("evidence/" + e.get("id").asString() + "-drill-" + half + ".jpg")));
            }
        }
    }

    /** A rental factory in 锦丰镇: one tenant covered by the landlord's drill, one new tenant without a drill. */
    private void rentalFactory(DemoApi api, List<JsonNode> jinfeng) {
        if (jinfeng.size() < 2) {
            return;
        }
        JsonNode landlord = jinfeng.get(1);
        String landlordId = landlord.get("id").asString();
        List<String> tenants = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String tenant = landlordId + "-t" + i;
            Map<String, Object> draft = new LinkedHashMap<>();
            draft.put("id", tenant);
            draft.put("name", "锦丰" + (i == 1 ? "恒盛" : "新华") + "五金加工厂（承租）");
            draft.put("kind", "INDUSTRIAL");
            draft.put("industry", "METAL_PRODUCTS");
            draft.put("departmentId", "dept-industry");
            draft.put("townId", landlord.get("townId").asString());
            draft.put("unitId", landlord.get("unitId").asString());
            draft.put("riskLevel", "GENERAL");
            draft.put("flags", List.of());
            draft.put("employeeCount", 12 + 6 * i);
            draft.put("workshops", 1);
            draft.put("address", landlord.get("address").asString() + " " + i + "号厂房");
            draft.put("latitude", landlord.get("latitude").asDouble());
            draft.put("longitude", landlord.get("longitude").asDouble());
            draft.put("landlordId", landlordId);
            post(api, "/api/v1/establishments", draft);
            tenants.add(tenant);
        }
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            try {
                post(api, "/api/v1/training/drills", Map.of("establishmentId", landlordId, "type", "EVACUATION",
                        "heldOn", today.toString(), "participants", 80, "tenantsCovered", List.of(tenants.get(0)),
                        "scenario", "厂中厂全员疏散演练（新承租方尚未参加）"));
                return;
            } catch (DemoApi.DemoLoadException notYetKnown) {
                sleep(200);
            }
        }
    }

    private List<Map<String, Object>> courses(DemoApi api) {
        List<Map<String, Object>> courses = List.of(
                Map.of("id", "fire-basics", "title", "消防安全常识与灭火器使用", "topic", "消防安全", "points", 10),
                Map.of("id", "electrical-safety", "title", "安全用电与触电急救", "topic", "用电安全", "points", 10,
                        "posts", List.of("电工", "维修工", "操作工")),
                Map.of("id", "principal-duties", "title", "主要负责人安全生产职责（安全生产法）", "topic", "法律法规",
                        "points", 20, "roles", List.of("PRINCIPAL", "SAFETY_MANAGER")),
                Map.of("id", "hot-work", "title", "动火作业与焊接安全", "topic", "特种作业", "points", 15,
                        "roles", List.of("SPECIAL_OPERATIONS")));
        for (Map<String, Object> course : courses) {
            post(api, "/api/v1/training/courses", course);
        }
        return courses;
    }

    private void spotExams(DemoApi api, List<JsonNode> chosen) {
        for (int i = 0; i < Math.min(8, chosen.size()); i++) {
            JsonNode e = chosen.get(i * Math.max(1, chosen.size() / 8));
            try {
                JsonNode exam = api.post("/api/v1/spot-exams", Map.of("establishmentId", e.get("id").asString(),
                        "inspectionKind", i % 2 == 0 ? "GRID_PATROL" : "ENFORCEMENT", "inspectionReference",
                        (i % 2 == 0 ? "patrol-demo-" : "enf-demo-") + (100 + i), "examinees", 3,
                        "questionsPerPerson", 5));
                for (JsonNode paper : exam.get("papers")) {
                    Map<String, List<String>> answers = new HashMap<>();
                    for (JsonNode q : paper.get("questions")) {
                        JsonNode question = api.get("/api/v1/training/questions/" + q.get("code").asString());
                        List<String> right = new ArrayList<>();
                        question.get("answer").forEach(a -> right.add(a.asString()));
                        answers.put(q.get("questionId").asString(), random.nextInt(100) < 72 ? right
                                : List.of(q.get("options").get(0).get("key").asString()));
                    }
                    post(api, "/api/v1/spot-exams/" + exam.get("id").asString() + "/papers/"
                            + paper.get("staffId").asString() + "/answers", Map.of("answers", answers));
                }
            } catch (DemoApi.DemoLoadException noBank) {
                System.out.println("[liuhua] demo spot exam skipped: " + noBank.getMessage());
                return;
            }
        }
    }

    private void post(DemoApi api, String path, Object body) {
        calls.incrementAndGet();
        api.post(path, body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoApi.DemoLoadException("interrupted");
        }
    }
}
