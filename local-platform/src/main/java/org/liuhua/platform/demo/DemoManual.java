package org.liuhua.platform.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * The handbook side of the demo city, through manual-service's API (the starter templates and check items are
 * manual-service's own start-up content): a department revises one starter template (so adopters see a newer
 * version), a share of the enterprises with a template for their industry adopt it, name their posts and issue post
 * safety cards for most of them (some posts stay without a card, so the notice list is not empty), the demo
 * enterprise officer's staff acknowledge cards, and twelve months of enterprise self-checks whose failed items become
 * hazards in hazard-service by event.
 */
public final class DemoManual {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Establishments known to the demo identities (deploy/keycloak): the enterprise officer's. */
    static final String OFFICER_ESTABLISHMENT = "est-jinfeng-0001";
    static final List<String> FALLBACK_POSTS = List.of("操作工", "设备维修工", "电工", "叉车司机", "仓库管理员", "班组长");

    static final List<String> FLAGS = List.of("DUST_EXPLOSION", "METAL_SMELTING", "CONFINED_SPACE",
            "HAZARDOUS_CHEMICALS", "AMMONIA_REFRIGERATION");

    private final long seed;
    private final Random random;
    private final LocalDate today;
    private int adopted;
    private int cards;
    private int acknowledged;
    private final AtomicInteger runs = new AtomicInteger();

    public DemoManual(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.today = LocalDate.now(CHINA);
    }

    /**
     * @param api        the seeding client (CITY_ADMIN)
     * @param enterprise the demo enterprise officer (of {@value #OFFICER_ESTABLISHMENT}), who acknowledges its cards
     * @return a one-line summary
     */
    public String load(DemoApi api, DemoApi enterprise) {
        if (!handbooks(api, enterprise)) {
            return "manual: skipped (manual-service does not know the establishments yet)";
        }
        return selfChecks(api);
    }

    private final List<String> selfChecking = new ArrayList<>();

    /**
     * The handbooks: the revised starter template, adoptions, posts, cards and acknowledgements (nothing here
     * becomes a hazard). Answers false when manual-service does not know the establishments (within a minute).
     */
    public boolean handbooks(DemoApi api, DemoApi enterprise) {
        List<String> candidates = candidates(api);
        if (!known(api, OFFICER_ESTABLISHMENT)) {
            return false;
        }
        reviseOneStarterTemplate(api);
        for (String id : candidates) {
            if (!known(api, id)) {
                continue;
            }
            JsonNode adoptable = call(() -> api.get("/api/v1/handbooks/" + id + "/adoptable-templates?size=200"));
            if (adoptable.get("items").isEmpty()) {
                continue;
            }
            JsonNode first = adoptable.get("items").get(0);
            call(() -> api.post("/api/v1/handbooks/" + id + "/adoptions", Map.of("templateId",
                    first.get("id").asString())));
            adopted++;
            if (adoptable.get("items").size() > 1 && random.nextBoolean()) {
                JsonNode second = adoptable.get("items").get(1);
                call(() -> api.post("/api/v1/handbooks/" + id + "/adoptions", Map.of("templateId",
                        second.get("id").asString())));
            }
            postsAndCards(api, id, first.get("id").asString());
            if (selfChecking.size() < 24) {
                selfChecking.add(id);
            }
        }
        if (pendingPublish != null) {
            pendingPublish.run();
            pendingPublish = null;
        }
        acknowledge(enterprise);
        return true;
    }

    /**
     * Twelve months of self-checks of some adopters (after {@link #handbooks}); their failed items become hazards in
     * hazard-service by event. The establishments in parallel, each drawing from a random of its own (seeded with the
     * demo's seed and its id), so the same city comes out whatever the order.
     */
    public String selfChecks(DemoApi api) {
        List<Runnable> establishments = new ArrayList<>();
        for (String id : selfChecking) {
            establishments.add(() -> selfChecks(api, id, new Random(seed ^ id.hashCode())));
        }
        DemoCity.parallel(establishments);
        return "manual: " + adopted + " adopting establishments, " + cards + " cards, " + acknowledged
                + " acknowledgements, " + runs + " self-checks";
    }

    /** About a third of the establishments with a risk flag (and the demo officer's), from grid-service. */
    private List<String> candidates(DemoApi api) {
        List<String> ids = new ArrayList<>(List.of(OFFICER_ESTABLISHMENT));
        for (String flag : FLAGS) {
            for (int page = 0; page < 3; page++) {
                int p = page;
                JsonNode items = call(() -> api.get("/api/v1/establishments?flag=" + flag + "&size=200&page=" + p))
                        .path("items");
                items.forEach(e -> {
                    String id = e.get("id").asString();
                    if (!ids.contains(id) && random.nextInt(100) < 35) {
                        ids.add(id);
                    }
                });
                if (items.size() < 200) {
                    break;
                }
            }
        }
        return ids.stream().limit(150).toList();
    }

    /** A department publishes version 2 of one starter template, so its adopters see a newer version. */
    private void reviseOneStarterTemplate(DemoApi api) {
        JsonNode templates = call(() -> api.get("/api/v1/templates?kind=INDUSTRY_POST&size=1"));
        if (templates.get("items").isEmpty()) {
            return;
        }
        String id = templates.get("items").get(0).get("id").asString();
        if (templates.get("items").get(0).get("newestVersion").asInt() > 1) {
            return;
        }
        JsonNode current = call(() -> api.get("/api/v1/templates/" + id)).get("current");
        List<Object> sections = new ArrayList<>();
        current.get("sections").forEach(s -> sections.add(DemoApi.JSON.treeToValue(s, Map.class)));
        sections.add(Map.of("key", "lessons-" + today.getYear(), "heading", "近期事故教训", "items", List.of(
                Map.of("text", "吸取同类企业事故教训，每季度开展一次针对性应急演练", "source", "市应急管理局 " + today.getYear()
                        + " 年度警示教育要求"))));
        call(() -> api.post("/api/v1/templates/" + id + "/versions", Map.of("title", current.get("title").asString(),
                "sections", sections, "posts", DemoApi.JSON.treeToValue(current.get("posts"), List.class),
                "note", "增加近期事故教训")));
        JsonNode template = call(() -> api.get("/api/v1/templates/" + id));
        int draft = template.get("versions").get(template.get("versions").size() - 1).get("number").asInt();
        // publish later, after the adoptions, so adopters of version 1 see version 2 waiting
        pendingPublish = () -> call(() -> api.post("/api/v1/templates/" + id + "/versions/" + draft + "/publish",
                ""));
    }

    private Runnable pendingPublish;

    private void postsAndCards(DemoApi api, String establishmentId, String templateId) {
        JsonNode templatePosts = call(() -> api.get("/api/v1/templates/" + templateId)).get("current").get("posts");
        List<Map<String, String>> posts = new ArrayList<>();
        Map<String, JsonNode> proposed = new LinkedHashMap<>();
        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            JsonNode p = i < templatePosts.size() ? templatePosts.get(i) : null;
            String key = "post-" + (i + 1);
            String name = p != null ? p.get("name").asString() : FALLBACK_POSTS.get(i % FALLBACK_POSTS.size());
            posts.add(Map.of("key", key, "name", name));
            if (p != null && p.has("card")) {
                proposed.put(key, p.get("card"));
            }
        }
        call(() -> api.put("/api/v1/handbooks/" + establishmentId + "/posts", Map.of("posts", posts)));
        for (Map<String, String> post : posts) {
            boolean missing = random.nextInt(100) < 20 && !establishmentId.equals(OFFICER_ESTABLISHMENT);
            if (missing) {
                continue;
            }
            Map<String, Object> parts = parts(post.get("name"), proposed.get(post.get("key")));
            call(() -> api.post("/api/v1/cards", Map.of("kind", "POST_SAFETY", "establishmentId", establishmentId,
                    "postKey", post.get("key"), "parts", parts, "publicCard", random.nextInt(3) == 0)));
            cards++;
        }
        if (pendingPublish != null && adopted >= 10) {
            pendingPublish.run();
            pendingPublish = null;
        }
    }

    private static Map<String, Object> parts(String post, JsonNode card) {
        if (card != null && fitsOnePage(card)) {
            return DemoApi.JSON.treeToValue(card, Map.class);
        }
        return Map.of(
                "operatingProcedure", List.of("上岗前检查" + post + "所用设备、工具和安全防护装置完好", "严格按操作规程作业，严禁违章指挥、违章作业"),
                "hazardsAndProtection", List.of("机械伤害：防护罩齐全，检修时停机断电挂牌", "触电：不得私拉乱接，电气故障由持证电工处理"),
                "emergencyResponse", List.of("发生事故立即停机、切断电源，撤离至安全区域", "立即报告班组长和安全管理人员，必要时拨打119、120"),
                "protectiveEquipment", List.of("安全帽", "劳保鞋", "防护手套"));
    }

    /** A template's proposed card can be issued as it is: every part, at most 10 lines each, 1,000 characters. */
    private static boolean fitsOnePage(JsonNode card) {
        int characters = 0;
        for (String part : List.of("operatingProcedure", "hazardsAndProtection", "emergencyResponse",
                "protectiveEquipment")) {
            JsonNode lines = card.path(part);
            if (lines.size() == 0 || lines.size() > 10) {
                return false;
            }
            for (JsonNode line : lines) {
                characters += line.asString("").length();
            }
        }
        return characters <= 1000;
    }

    /** The demo enterprise's cards are acknowledged by its officer (the realm's only enterprise identity). */
    private void acknowledge(DemoApi enterprise) {
        JsonNode mine = call(() -> enterprise.get("/api/v1/cards?establishmentId=" + OFFICER_ESTABLISHMENT
                + "&size=200"));
        for (JsonNode card : mine.path("items")) {
            call(() -> enterprise.post("/api/v1/cards/" + card.get("id").asString() + "/acknowledgements", ""));
            acknowledged++;
        }
    }

    /** One self-check a month over the last twelve months; about one item in eight fails. */
    private void selfChecks(DemoApi api, String establishmentId, Random random) {
        for (int month = 12; month >= 1; month--) {
            Instant checkedAt = today.minusMonths(month).withDayOfMonth(5 + random.nextInt(20)).atTime(9, 30)
                    .atZone(CHINA).toInstant();
            JsonNode run = call(() -> api.post("/api/v1/checklists/runs", Map.of("establishmentId", establishmentId,
                    "source", "ENTERPRISE_SELF_CHECK", "checkedAt", checkedAt.toString())));
            List<Map<String, Object>> results = new ArrayList<>();
            for (JsonNode item : run.get("items")) {
                boolean fail = random.nextInt(8) == 0 && !(item.get("major").asBoolean() && random.nextInt(3) > 0);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("itemCode", item.get("code").asString());
                result.put("result", fail ? "FAIL" : "PASS");
                if (fail) {
                    result.put("note", "自查发现，已安排整改");
                }
                results.add(result);
            }
            String runId = run.get("id").asString();
            call(() -> api.post("/api/v1/checklists/runs/" + runId + "/results", Map.of("results", results)));
            call(() -> api.post("/api/v1/checklists/runs/" + runId + "/complete", ""));
            runs.incrementAndGet();
        }
    }

    /** Waits (up to a minute, asking every 200 ms) until manual-service learned the establishment from grid-service's events. */
    private boolean known(DemoApi api, String establishmentId) {
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                api.get("/api/v1/handbooks/" + establishmentId);
                return true;
            } catch (DemoApi.DemoLoadException notYet) {
                if (!notYet.getMessage().contains(" 404") && !notYet.getMessage().contains(" 429")) {
                    throw notYet;
                }
                sleep(200);
            }
        }
        return false;
    }

    /** Calls through the gateway, waiting when its rate limit answers 429. */
    private static JsonNode call(Supplier<JsonNode> request) {
        for (int attempt = 0; ; attempt++) {
            try {
                return request.get();
            } catch (DemoApi.DemoLoadException e) {
                if (!e.getMessage().contains(" 429") || attempt >= 20) {
                    throw e;
                }
                sleep(250L * (attempt + 1));
            }
        }
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
