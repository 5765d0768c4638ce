package org.liuhua.platform.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Production-line posts (岗位/班组) of three 锦丰镇 factories, through grid-service's public API (a PUT of the registry
 * data with its {@code posts}): each post and shift needs a safety officer (rugao 2026: 在车间、班组等生产一线根据单班作业人数
 * 至少明确1名专兼职安全员), so the first factory also gets one bound per post and shift and shows no gap, while the others
 * show how many are still missing in the staffing gaps.
 */
final class DemoPosts {

    /** name, workshop, shifts, workers per shift — one line of posts per factory. */
    private static final List<List<Object[]>> LINES = List.of(
            List.of(new Object[] {"冲压线", "冲压车间", 2, 18}, new Object[] {"焊接班组", "焊装车间", 2, 12},
                    new Object[] {"喷涂线", "涂装车间", 1, 6}, new Object[] {"仓储叉车班", "成品仓库", 2, 4}),
            List.of(new Object[] {"熔炼班", "熔炼车间", 3, 8}, new Object[] {"浇铸班", "铸造车间", 3, 10},
                    new Object[] {"机加工班", "机加工车间", 2, 15}),
            List.of(new Object[] {"配料班", "配料车间", 1, 5}, new Object[] {"纺纱班", "纺纱车间", 3, 30},
                    new Object[] {"织造班", "织造车间", 3, 40}, new Object[] {"仓储叉车班", "原料仓库", 1, 3}));
    private static final List<String> DRAFT_FIELDS = List.of("id", "name", "kind", "industry", "departmentId",
            "townId", "unitId", "riskLevel", "flags", "employeeCount", "workshops", "address", "latitude",
            "longitude", "landlordId", "clusterId");

    private DemoPosts() {
    }

    /** Loads it; a failure reaches the loader, which names the part (the city is there already). */
    static void load(DemoApi admin) {
        JsonNode factories = admin.get("/api/v1/establishments?townId=zjg-jinfeng&kind=INDUSTRIAL&status=ACTIVE"
                + "&sort=id,asc&size=" + LINES.size());
        int n = 0;
        for (JsonNode factory : factories.get("items")) {
            List<Map<String, Object>> posts = new ArrayList<>();
            for (Object[] post : LINES.get(n)) {
                posts.add(Map.of("name", post[0], "workshop", post[1], "shifts", post[2],
                        "workersPerShift", post[3]));
            }
            Map<String, Object> draft = new LinkedHashMap<>();
            for (String field : DRAFT_FIELDS) {
                JsonNode value = factory.get(field);
                draft.put(field, value == null || value.isNull() ? null : DemoApi.JSON.treeToValue(value,
                        Object.class));
            }
            draft.put("posts", posts);
            String id = factory.get("id").asString();
            admin.put("/api/v1/establishments/" + id, draft);
            if (n == 0) {
                bindOfficers(admin, id, posts);
            }
            n++;
        }
        System.out.println("[liuhua] demo posts: " + n + " factories list their production-line posts");
    }

    /** One safety officer per post and shift (the workshop field names the post and shift). */
    private static void bindOfficers(DemoApi admin, String id, List<Map<String, Object>> posts) {
        String[] shiftNames = {"甲班", "乙班", "丙班", "丁班"};
        String[] people = {"周立新", "沈海峰", "朱建华", "徐春燕", "孙国平", "吴文杰", "陈晓红"};
        String since = LocalDate.now().minusMonths(6).toString();
        int person = 0;
        for (Map<String, Object> post : posts) {
            for (int shift = 0; shift < (Integer) post.get("shifts"); shift++) {
                admin.post("/api/v1/establishments/" + id + "/officers", Map.of("personId",
                        id + "-post-" + person, "name", people[person % people.length], "role", "SAFETY_OFFICER",
                        "workshop", post.get("name") + shiftNames[shift], "since", since));
                person++;
            }
        }
    }
}
