package org.liuhua.platform.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * The demo city of docs/demo-city.md: Zhangjiagang's towns and sub-districts as the policy documents name them,
 * villages, grids and patrol units, about 2,100 establishments of every kind with the policy's risk flags, clusters
 * with rental factories, about 130 inspectors with their bindings and safety officers, twelve months of patrols
 * with findings (which hazard-service turns into hazards), and hazards moved through the closed loop. Generated
 * from a seed, so every first start builds the same city; dates are relative to the day it is loaded.
 */
public final class DemoCity {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** id, name, kind, latitude, longitude, establishments, villages. */
    record Town(String id, String name, String kind, double lat, double lon, int establishments, int villages) {
        String shortId() {
            return id.substring(4);
        }
    }

    static final List<Town> TOWNS = List.of(
            new Town("zjg-yangshe", "杨舍镇", "TOWN", 31.873, 120.553, 190, 5),
            new Town("zjg-tangqiao", "塘桥镇", "TOWN", 31.800, 120.630, 160, 4),
            new Town("zjg-jinfeng", "锦丰镇", "TOWN", 31.950, 120.630, 170, 4),
            new Town("zjg-leyu", "乐余镇", "TOWN", 31.970, 120.750, 130, 4),
            new Town("zjg-fenghuang", "凤凰镇", "TOWN", 31.720, 120.620, 130, 4),
            new Town("zjg-nanfeng", "南丰镇", "TOWN", 31.930, 120.770, 120, 3),
            new Town("zjg-daxin", "大新镇", "TOWN", 31.970, 120.550, 120, 3),
            new Town("zjg-jingang", "金港街道", "SUBDISTRICT", 31.950, 120.450, 140, 4),
            new Town("zjg-houcheng", "后塍街道", "SUBDISTRICT", 31.900, 120.480, 120, 3),
            new Town("zjg-deji", "德积街道", "SUBDISTRICT", 31.980, 120.420, 100, 3),
            new Town("zjg-etdz", "经济技术开发区", "DEVELOPMENT_ZONE", 31.860, 120.520, 170, 4),
            new Town("zjg-bonded", "保税区", "DEVELOPMENT_ZONE", 31.970, 120.400, 110, 3),
            new Town("zjg-htz", "高新技术产业开发区", "HIGH_TECH_ZONE", 31.890, 120.580, 130, 3),
            new Town("zjg-metallurgy", "冶金工业园", "PARK", 31.980, 120.600, 100, 2),
            new Town("zjg-changyinsha", "常阴沙现代农业示范园区", "PARK", 31.930, 120.850, 60, 2),
            new Town("zjg-shuangshan", "双山香山旅游度假区", "PARK", 32.000, 120.700, 60, 2));

    static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("dept-industry", "工业和信息化局");
        DEPARTMENTS.put("dept-housing", "住房和城乡建设局");
        DEPARTMENTS.put("dept-transport", "交通运输局");
        DEPARTMENTS.put("dept-commerce", "商务局");
        DEPARTMENTS.put("dept-fire", "消防救援大队");
        DEPARTMENTS.put("dept-education", "教育局");
        DEPARTMENTS.put("dept-health", "卫生健康委员会");
        DEPARTMENTS.put("dept-culture-tourism", "文体广电和旅游局");
        DEPARTMENTS.put("dept-market", "市场监督管理局");
        DEPARTMENTS.put("dept-emergency", "应急管理局");
    }

    /** An industry profile: kind, industry code, department, flags, name suffix, risk weights (MAJOR…LOW). */
    record Profile(String kind, String industry, String department, List<String> flags, String suffix,
                   int[] riskWeights, int minEmployees, int maxEmployees, int weight) {
    }

    static final List<Profile> PROFILES = List.of(
            new Profile("INDUSTRIAL", "METALLURGY", "dept-industry", List.of("METAL_SMELTING"), "钢铁有限公司",
                    new int[]{3, 5, 2, 0}, 60, 900, 5),
            new Profile("INDUSTRIAL", "CHEMICALS", "dept-emergency", List.of("HAZARDOUS_CHEMICALS"), "化工有限公司",
                    new int[]{3, 5, 2, 0}, 30, 400, 6),
            new Profile("INDUSTRIAL", "TEXTILES", "dept-industry", List.of(), "纺织有限公司",
                    new int[]{0, 1, 5, 4}, 20, 500, 10),
            new Profile("INDUSTRIAL", "MACHINERY", "dept-industry", List.of(), "机械制造有限公司",
                    new int[]{0, 2, 5, 3}, 15, 300, 9),
            new Profile("INDUSTRIAL", "FOOD_PROCESSING", "dept-industry", List.of("AMMONIA_REFRIGERATION"),
                    "食品有限公司", new int[]{1, 4, 4, 1}, 20, 200, 4),
            new Profile("INDUSTRIAL", "WOODWORKING", "dept-industry", List.of("DUST_EXPLOSION"), "木业有限公司",
                    new int[]{1, 4, 4, 1}, 10, 150, 4),
            new Profile("INDUSTRIAL", "METAL_PRODUCTS", "dept-industry", List.of("DUST_EXPLOSION", "CONFINED_SPACE"),
                    "金属制品有限公司", new int[]{1, 4, 4, 1}, 10, 250, 5),
            new Profile("INDUSTRIAL", "SHIPBUILDING", "dept-industry", List.of("CONFINED_SPACE"), "船舶重工有限公司",
                    new int[]{1, 4, 3, 0}, 80, 1200, 2),
            new Profile("INDUSTRIAL", "ELECTRONICS", "dept-industry", List.of(), "电子科技有限公司",
                    new int[]{0, 1, 5, 4}, 20, 600, 5),
            new Profile("KEY_SECTOR", "CONSTRUCTION", "dept-housing", List.of("CONFINED_SPACE"), "建设工程有限公司",
                    new int[]{1, 4, 4, 1}, 30, 400, 5),
            new Profile("KEY_SECTOR", "ROAD_TRANSPORT", "dept-transport", List.of(), "物流运输有限公司",
                    new int[]{0, 3, 5, 2}, 20, 300, 4),
            new Profile("KEY_SECTOR", "WAREHOUSING", "dept-commerce", List.of(), "仓储有限公司",
                    new int[]{0, 2, 5, 3}, 5, 80, 3),
            new Profile("SMALL_VENUE", "CATERING", "dept-market", List.of(), "饭店", new int[]{0, 1, 5, 4}, 3, 40, 9),
            new Profile("SMALL_VENUE", "RETAIL", "dept-commerce", List.of(), "超市", new int[]{0, 0, 4, 6}, 2, 30, 8),
            new Profile("SMALL_VENUE", "HOSPITALITY", "dept-culture-tourism", List.of(), "宾馆",
                    new int[]{0, 1, 5, 4}, 3, 40, 4),
            new Profile("SMALL_VENUE", "EDUCATION_TRAINING", "dept-education", List.of(), "培训中心",
                    new int[]{0, 1, 4, 5}, 3, 30, 3),
            new Profile("SMALL_VENUE", "HEALTH_CLINIC", "dept-health", List.of(), "诊所", new int[]{0, 1, 4, 5}, 2,
                    20, 3),
            new Profile("SMALL_VENUE", "ENTERTAINMENT", "dept-culture-tourism", List.of(), "娱乐会所",
                    new int[]{0, 2, 5, 3}, 5, 40, 2),
            new Profile("MIXED_USE_BUILDING", "COMMERCIAL_BUILDING", "dept-housing", List.of(), "商务大厦",
                    new int[]{0, 3, 5, 2}, 10, 200, 5),
            new Profile("RESIDENTIAL", "RESIDENTIAL_COMPOUND", "dept-housing", List.of(), "花园",
                    new int[]{0, 0, 4, 6}, 3, 20, 9));

    static final String[] RISK = {"MAJOR", "SIGNIFICANT", "GENERAL", "LOW"};
    static final String[] NAME_WORDS = {"长江", "沙洲", "永联", "华昌", "港城", "东方", "新华", "恒盛", "海通", "金帆",
            "江海", "鸿运", "天润", "华达", "国泰", "联峰", "兴业", "瑞丰", "万邦", "宏图", "泰和", "嘉禾", "德润", "东沙",
            "南沙", "锦华", "聚源", "通达", "润泽", "顺昌"};
    static final String[] VILLAGE_WORDS = {"东", "西", "南", "北", "新", "中", "联", "兴", "港", "沙", "永", "福",
            "和", "安", "胜", "丰"};
    static final String[] PERSON_SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
            "朱", "马", "胡", "郭", "何", "高", "林", "钱", "沈", "顾", "陆", "缪"};
    static final String[] PERSON_GIVEN = {"伟", "芳", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛",
            "明", "超", "建国", "建华", "志强", "海燕", "晓东", "秀英", "玉兰", "国平", "春华", "卫东"};

    /**
     * Sends a whole patrol. grid-service accepts a finding's checklist item code only once it learnt manual-service's
     * items from their events (seconds after the platform started), so a refusal naming {@code checklistItemId} is
     * retried for up to a minute.
     */
    static void syncPatrol(DemoApi api, Map<String, Object> patrol) {
        for (int attempt = 1; ; attempt++) {
            try {
                api.post("/api/v1/patrols/sync", patrol);
                return;
            } catch (DemoApi.DemoLoadException e) {
                if (attempt >= 240 || e.getMessage() == null || !e.getMessage().contains("checklistItemId")) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Category, description, checklist item (a code manual-service publishes, or null). */
    record Finding(String category, String description, String checklistItemId) {
    }

    static final List<Finding> FINDINGS = List.of(
            new Finding("FIRE_SAFETY", "消防通道被货物堵塞", "GEN-R-01"),
            new Finding("FIRE_SAFETY", "灭火器过期未更换", "GEN-R-02"),
            new Finding("FIRE_SAFETY", "疏散指示标志损坏", null),
            new Finding("ELECTRICAL", "配电箱未接地、线路私拉乱接", "GEN-R-10"),
            new Finding("ELECTRICAL", "电动自行车在楼道内充电", null),
            new Finding("MACHINERY_GUARDING", "设备传动部位防护罩缺失", "GEN-R-04"),
            new Finding("DUST_EXPLOSION", "除尘系统未按规定清理积尘", "DUST-R-01"),
            new Finding("HAZARDOUS_CHEMICALS", "危化品储存超量、未分类存放", "HC-R-01"),
            new Finding("CONFINED_SPACE", "有限空间作业未审批、未检测", "CS-R-02"),
            new Finding("EVACUATION", "安全出口上锁", "GEN-R-01"),
            new Finding("GAS", "燃气管道老化、未安装报警装置", "GAS-R-01"),
            new Finding("OCCUPATIONAL_HEALTH", "劳动防护用品配备不全", "GEN-R-05"));

    private final Random random;
    private final LocalDate today = LocalDate.now(CHINA);
    private final List<Map<String, Object>> establishments = new ArrayList<>();
    private final Map<String, List<String>> unitsByTown = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> establishmentsByUnit = new LinkedHashMap<>();
    private final Map<String, List<String>> unitsByInspector = new LinkedHashMap<>();
    /** The officers each establishment is registered with, by establishment id. */
    private final Map<String, List<Map<String, Object>>> officersOf = new LinkedHashMap<>();
    private final Map<String, String> keyUnits = new LinkedHashMap<>();
    private int patrols;
    private int findings;

    public DemoCity(long seed) {
        this.random = new Random(seed);
    }

    public Summary load(DemoApi api) {
        return load(api, api, api);
    }

    /**
     * @param api      the seeding client (CITY_ADMIN)
     * @param reviewer a CITY_ADMIN person other than the seeder, who reviews rectifications
     * @param firm     the demo third-party firm's client
     */
    public Summary load(DemoApi api, DemoApi reviewer, DemoApi firm) {
        register(api);
        return patrolsAndHazards(api, reviewer, firm);
    }

    /**
     * The register: departments, towns down to patrol units, establishments, inspectors with their bindings, safety
     * officers, clusters. Each step draws from the seeded random in the same order before it sends anything, so
     * independent requests (one town's villages, one inspector's bindings) go out in parallel and the city stays
     * the same.
     */
    public void register(DemoApi api) {
        departments(api);
        regions(api);
        // drawn in this order (establishments, inspectors, officers), then sent: each establishment is registered with
        // its officers in one request, and the inspectors go out beside the establishments
        List<Runnable> establishmentBatches = establishments(api);
        List<Runnable> inspectors = inspectors(api);
        Runnable replacement = officers(api);
        List<Runnable> calls = new ArrayList<>(establishmentBatches);
        calls.addAll(inspectors);
        parallel(calls);
        replacement.run();
        clusters(api);
    }

    /** Twelve months of patrols, then the hazards and their closed loop (after {@link #register}). */
    public Summary patrolsAndHazards(DemoApi api, DemoApi reviewer, DemoApi firm) {
        patrolHistory(api);
        int hazards = new HazardHistory(random, today, establishments).load(api, reviewer, firm);
        return summary(hazards);
    }

    private Summary summary(int hazards) {
        return new Summary(TOWNS.size(), establishments.size(), unitsByInspector.size(), patrols, findings + hazards);
    }

    private void departments(DemoApi api) {
        List<Runnable> calls = new ArrayList<>();
        DEPARTMENTS.forEach((id, name) -> {
            Map<String, Object> body = Map.of("id", id, "name", name, "safetyStaff",
                    id.equals("dept-commerce") ? 2 : id.equals("dept-education") ? 2 : 3 + random.nextInt(2));
            calls.add(() -> api.post("/api/v1/departments", body));
        });
        parallel(calls);
    }

    private void regions(DemoApi api) {
        List<Runnable> towns = new ArrayList<>();
        for (Town town : TOWNS) {
            boolean large = town.kind().equals("DEVELOPMENT_ZONE") || town.kind().equals("HIGH_TECH_ZONE");
            int safetyStaff = town.id().equals("zjg-daxin") ? 5 : town.id().equals("zjg-htz") ? 8
                    : (large ? 10 : 6) + random.nextInt(3);
            int fireStaff = town.id().equals("zjg-shuangshan") ? 2 : (large ? 5 : 3) + random.nextInt(2);
            // one town's requests in order (town, village, grid, unit); the towns in parallel
            List<Runnable> calls = new ArrayList<>();
            towns.add(() -> calls.forEach(Runnable::run));
            calls.add(() -> api.post("/api/v1/towns", Map.of("id", town.id(), "name", town.name(), "kind", town.kind(),
                    "safetyStaff", safetyStaff, "fireStaff", fireStaff)));
            List<String> units = new ArrayList<>();
            for (int v = 1; v <= town.villages(); v++) {
                String villageId = town.id() + "-v%02d".formatted(v);
                boolean centre = v == 1;
                String villageName = centre ? town.name().replaceAll("(镇|街道|区)$", "") + "社区"
                        : pick(VILLAGE_WORDS) + pick(VILLAGE_WORDS) + "村";
                calls.add(() -> api.post("/api/v1/villages", Map.of("id", villageId, "townId", town.id(),
                        "name", villageName)));
                for (int g = 1; g <= 2; g++) {
                    String gridId = villageId + "-g" + g;
                    Map<String, Object> grid = Map.of("id", gridId, "villageId", villageId,
                            "name", villageName + "第" + g + "网格");
                    calls.add(() -> api.post("/api/v1/grids", grid));
                    for (int u = 1; u <= 2; u++) {
                        String unitId = gridId + "-u" + u;
                        String kind = centre || u == 2 ? "KEY" : "GENERAL";
                        Map<String, Object> unit = Map.of("id", unitId, "gridId", gridId, "kind", kind,
                                "name", villageName + "第" + g + "网格" + (kind.equals("KEY") ? "重点" : "一般")
                                        + "巡查单元" + u);
                        calls.add(() -> api.post("/api/v1/patrol-units", unit));
                        units.add(unitId);
                        if (kind.equals("KEY")) {
                            keyUnits.put(unitId, town.id());
                        }
                    }
                }
            }
            unitsByTown.put(town.id(), units);
        }
        parallel(towns);
    }

    /** The establishments' registration batches, one per town (with the officers {@link #officers} draws). */
    private List<Runnable> establishments(DemoApi api) {
        int totalWeight = PROFILES.stream().mapToInt(Profile::weight).sum();
        List<Runnable> batches = new ArrayList<>();
        for (Town town : TOWNS) {
            List<String> units = unitsByTown.get(town.id());
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 1; i <= town.establishments(); i++) {
                Profile profile = weighted(totalWeight);
                String id = "est-" + town.shortId() + "-%04d".formatted(i);
                String unitId = units.get(random.nextInt(units.size()));
                int employees = profile.minEmployees()
                        + random.nextInt(profile.maxEmployees() - profile.minEmployees() + 1);
                List<String> flags = new ArrayList<>(profile.flags());
                if (profile.kind().equals("INDUSTRIAL") && random.nextInt(10) == 0) {
                    flags.add("CONFINED_SPACE");
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", id);
                e.put("name", town.name().substring(0, 2) + pick(NAME_WORDS) + profile.suffix());
                e.put("kind", profile.kind());
                e.put("industry", profile.industry());
                e.put("departmentId", profile.department());
                e.put("unitId", unitId);
                e.put("riskLevel", RISK[weightedIndex(profile.riskWeights())]);
                e.put("flags", flags.stream().distinct().toList());
                e.put("employeeCount", employees);
                e.put("workshops", profile.kind().equals("INDUSTRIAL") ? 1 + employees / 200 : 1);
                e.put("address", town.name() + pick(NAME_WORDS) + "路" + (1 + random.nextInt(399)) + "号");
                e.put("latitude", round(town.lat() + (random.nextDouble() - 0.5) * 0.04));
                e.put("longitude", round(town.lon() + (random.nextDouble() - 0.5) * 0.04));
                batch.add(e);
                establishments.add(e);
                establishmentsByUnit.computeIfAbsent(unitId, k -> new ArrayList<>()).add(e);
            }
            batches.add(() -> {
                List<Map<String, Object>> withOfficers = batch.stream().map(e -> {
                    Map<String, Object> registration = new LinkedHashMap<>(e);
                    registration.put("officers", officersOf.getOrDefault((String) e.get("id"), List.of()));
                    return registration;
                }).toList();
                JsonNode results = api.post("/api/v1/establishments/batch", withOfficers);
                for (JsonNode result : results) {
                    if ("REJECTED".equals(result.path("status").asString())) {
                        throw new DemoApi.DemoLoadException("demo establishment rejected: " + result);
                    }
                }
            });
        }
        return batches;
    }

    /** Each inspector's registration and bindings, to send. */
    private List<Runnable> inspectors(DemoApi api) {
        String since = today.minusMonths(13).withDayOfMonth(1).toString();
        List<Runnable> inspectors = new ArrayList<>();
        for (Town town : TOWNS) {
            List<String> units = unitsByTown.get(town.id());
            int count = Math.max(4, units.size() / 2);
            for (int n = 1; n <= count; n++) {
                String inspectorId = "insp-" + town.shortId() + "-%02d".formatted(n);
                List<String> mine = new ArrayList<>();
                for (int u = n - 1; u < units.size(); u += count) {
                    mine.add(units.get(u));
                }
                boolean fullTime = mine.stream().anyMatch(keyUnits::containsKey) || n == 1;
                Map<String, Object> inspector = Map.of("id", inspectorId, "name", personName(),
                        "employment", fullTime ? "FULL_TIME" : "PART_TIME", "townId", town.id(),
                        "phone", "1" + (3 + random.nextInt(6)) + "%09d".formatted(random.nextInt(1_000_000_000)));
                // the inspector, then their bindings; the inspectors in parallel
                inspectors.add(() -> {
                    api.post("/api/v1/inspectors", inspector);
                    for (String unitId : mine) {
                        api.post("/api/v1/inspectors/" + inspectorId + "/bindings", Map.of("unitId", unitId,
                                "since", since));
                    }
                });
                unitsByInspector.put(inspectorId, mine);
            }
        }
        return inspectors;
    }

    /**
     * Draws each establishment's officers into {@link #officersOf} (registered with it); returns the one binding made
     * later, to send after the registrations: the enterprise officer of est-jinfeng-0001 changed in spring, so the
     * binding archive shows both.
     */
    private Runnable officers(DemoApi api) {
        String since = today.minusMonths(14).toString();
        for (Map<String, Object> e : establishments) {
            String id = (String) e.get("id");
            List<Map<String, Object>> officers = officersOf.computeIfAbsent(id, k -> new ArrayList<>());
            String kind = (String) e.get("kind");
            @SuppressWarnings("unchecked")
            List<String> flags = (List<String>) e.get("flags");
            int employees = (Integer) e.get("employeeCount");
            int workshops = (Integer) e.get("workshops");
            for (int w = 1; w <= workshops; w++) {
                if (random.nextInt(100) < 96) {
                    Map<String, Object> body = officer(id + "-so" + w, "SAFETY_OFFICER", since);
                    if (workshops > 1) {
                        body.put("workshop", "车间" + w);
                    }
                    officers.add(body);
                }
            }
            if ((kind.equals("SMALL_VENUE") || kind.equals("RESIDENTIAL"))) {
                if (random.nextInt(100) < 92) {
                    Map<String, Object> body = officer(id + "-fso", "FIRE_SAFETY_OFFICER", since);
                    officers.add(body);
                }
                if (random.nextInt(100) < 88) {
                    Map<String, Object> body = officer(id + "-fi", "FIRE_INSTRUCTOR", since);
                    officers.add(body);
                }
            }
            boolean directorIndustry = flags.stream().anyMatch(f -> List.of("HAZARDOUS_CHEMICALS", "METAL_SMELTING",
                    "DUST_EXPLOSION", "AMMONIA_REFRIGERATION").contains(f))
                    || List.of("CONSTRUCTION", "SHIPBUILDING", "ROAD_TRANSPORT").contains(e.get("industry"));
            if (employees >= 100 && directorIndustry && random.nextInt(100) < 85) {
                Map<String, Object> body = officer(id + "-sd", "SAFETY_DIRECTOR", since);
                officers.add(body);
            }
            if ((flags.contains("HAZARDOUS_CHEMICALS") || flags.contains("METAL_SMELTING"))
                    && random.nextInt(100) < 80) {
                Map<String, Object> body = officer(id + "-rse", "REGISTERED_SAFETY_ENGINEER", since);
                officers.add(body);
            }
        }
        Map<String, Object> replacement = officer("est-jinfeng-0001-so1-new", "SAFETY_OFFICER",
                today.minusMonths(6).toString());
        return () -> api.post("/api/v1/establishments/est-jinfeng-0001/officers", replacement);
    }

    private Map<String, Object> officer(String personId, String role, String since) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", "p-" + personId);
        body.put("name", personName());
        body.put("role", role);
        body.put("since", since);
        return body;
    }

    private void clusters(DemoApi api) {
        List<Runnable> clusters = new ArrayList<>();
        for (Town town : TOWNS) {
            List<Map<String, Object>> industrial = establishments.stream()
                    .filter(e -> ((String) e.get("id")).startsWith("est-" + town.shortId() + "-"))
                    .filter(e -> e.get("kind").equals("INDUSTRIAL")).limit(10).toList();
            if (industrial.size() < 10 || town.kind().equals("SUBDISTRICT")) {
                continue;
            }
            String clusterId = "cluster-" + town.shortId() + "-01";
            List<String> members = industrial.stream().map(e -> (String) e.get("id")).toList();
            // the cluster, then its assessments in order; the clusters in parallel
            List<Runnable> calls = new ArrayList<>();
            calls.add(() -> api.post("/api/v1/clusters", Map.of("id", clusterId,
                    "name", town.name().substring(0, 2) + "工业集中区", "townId", town.id(), "memberIds", members)));
            int passPercent = 55 + random.nextInt(40);
            for (String member : members) {
                boolean passed = random.nextInt(100) < passPercent;
                Map<String, Object> assessment = Map.of("establishmentId", member,
                        "passed", passed, "failedItems", passed ? List.of() : List.of("item-0" + (1 + random.nextInt(9))),
                        "assessedAt", today.minusDays(10 + random.nextInt(60)).atTime(10, 0).atZone(CHINA)
                                .toInstant().toString());
                calls.add(() -> api.post("/api/v1/clusters/" + clusterId + "/assessments", assessment));
            }
            clusters.add(() -> calls.forEach(Runnable::run));
        }
        parallel(clusters);
    }

    /** One patrol a month per inspector over the last twelve months, visiting half of their establishments. */
    private void patrolHistory(DemoApi api) {
        List<Runnable> calls = new ArrayList<>();
        AtomicInteger findingCounter = new AtomicInteger();
        for (Map.Entry<String, List<String>> entry : unitsByInspector.entrySet()) {
            String inspectorId = entry.getKey();
            for (String unitId : entry.getValue()) {
                List<Map<String, Object>> mine = establishmentsByUnit.getOrDefault(unitId, List.of());
                if (mine.isEmpty()) {
                    continue;
                }
                for (int month = 12; month >= 0; month--) {
                    ZonedDateTime start = today.minusMonths(month).withDayOfMonth(3 + random.nextInt(20))
                            .atTime(8 + random.nextInt(3), random.nextInt(60)).atZone(CHINA);
                    if (!start.toLocalDate().isBefore(today)) {
                        continue;
                    }
                    String patrolId = "patrol-" + unitId + "-" + start.toLocalDate();
                    List<Map<String, Object>> checkIns = new ArrayList<>();
                    List<Map<String, Object>> found = new ArrayList<>();
                    List<Map<String, Object>> track = new ArrayList<>();
                    ZonedDateTime at = start;
                    for (int i = 0; i < mine.size(); i++) {
                        if ((i + month) % 2 == 1 && mine.size() > 1) {
                            continue;
                        }
                        Map<String, Object> e = mine.get(i);
                        at = at.plusMinutes(15 + random.nextInt(30));
                        boolean far = random.nextInt(40) == 0;
                        double lat = (Double) e.get("latitude") + (far ? 0.05 : (random.nextDouble() - 0.5) * 0.001);
                        double lon = (Double) e.get("longitude") + (random.nextDouble() - 0.5) * 0.001;
                        track.add(Map.of("lat", round(lat), "lon", round(lon), "deviceTime", at.toInstant().toString()));
                        checkIns.add(Map.of("id", patrolId + "-c" + i, "establishmentId", e.get("id"),
                                "lat", round(lat), "lon", round(lon), "deviceTime", at.toInstant().toString()));
                        if (random.nextInt(100) < 10) {
                            Finding f = FINDINGS.get(random.nextInt(FINDINGS.size()));
                            Map<String, Object> finding = new LinkedHashMap<>(Map.of("id", patrolId + "-f" + i,
                                    "establishmentId", e.get("id"), "category", f.category(),
                                    "severity", random.nextInt(25) == 0 ? "MAJOR" : "GENERAL",
                                    "description", f.description(),
                                    "deviceTime", at.plusMinutes(5).toInstant().toString()));
                            if (f.checklistItemId() != null) {
                                finding.put("checklistItemId", f.checklistItemId());
                            }
                            found.add(finding);
                            findingCounter.incrementAndGet();
                        }
                    }
                    Map<String, Object> patrol = new LinkedHashMap<>();
                    patrol.put("id", patrolId);
                    patrol.put("unitId", unitId);
                    patrol.put("inspectorId", inspectorId);
                    patrol.put("startedAt", start.toInstant().toString());
                    patrol.put("completedAt", at.plusMinutes(20).toInstant().toString());
                    patrol.put("track", track);
                    patrol.put("checkIns", checkIns);
                    patrol.put("findings", found);
                    calls.add(() -> syncPatrol(api, patrol));
                    patrols++;
                }
            }
        }
        parallel(calls);
        findings = findingCounter.get();
    }

    static void parallel(List<Runnable> calls) {
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            pool.submit(() -> calls.parallelStream().forEach(Runnable::run)).join();
        } finally {
            pool.shutdown();
        }
    }

    private Profile weighted(int totalWeight) {
        int r = random.nextInt(totalWeight);
        for (Profile p : PROFILES) {
            r -= p.weight();
            if (r < 0) {
                return p;
            }
        }
        return PROFILES.get(0);
    }

    private int weightedIndex(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private String personName() {
        return pick(PERSON_SURNAMES) + pick(PERSON_GIVEN);
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }

    public record Summary(int towns, int establishments, int inspectors, int patrols, int hazards) {
    }
}
