package org.liuhua.grid.staffing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.StaffRosterChanged;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staffing rule of G-7 (rugao 2026; zhangjiagang 2024 for directors, engineers, small venues and residential
 * compounds) through the HTTP API, at its boundary: town safety and fire staff by town kind, named staff of towns and
 * departments (and who reads their phones), the department figure and its commerce exception, and the roles
 * establishments must fill (one safety officer per post and shift).
 */
class StaffingRulesIT extends GridIT {

    @Test
    void townSafetyAndFireStaffFollowTheTownKindAtTheBoundary() {
        String town = unique("zjg-town");
        ensureTown(town, "普通镇", "TOWN", 6, 3);
        assertThat(townGaps(town)).isEmpty();
        ok(admin().put("/api/v1/towns/" + town + "/staffing", Map.of("safetyStaff", 5, "fireStaff", 2)));
        assertThat(townGaps(town)).containsExactlyInAnyOrder("TOWN_SAFETY_STAFF 6/5", "TOWN_FIRE_STAFF 3/2");

        String zone = unique("zjg-etdz");
        ensureTown(zone, "经济技术开发区", "DEVELOPMENT_ZONE", 9, 4);
        assertThat(townGaps(zone)).containsExactlyInAnyOrder("TOWN_SAFETY_STAFF 10/9", "TOWN_FIRE_STAFF 5/4");
        ok(townOfficer(zone).put("/api/v1/towns/" + zone + "/staffing", Map.of("safetyStaff", 10, "fireStaff", 5)));
        assertThat(townGaps(zone)).isEmpty();

        String htz = unique("zjg-htz");
        ensureTown(htz, "高新技术产业开发区", "HIGH_TECH_ZONE", 10, 4);
        assertThat(townGaps(htz)).containsExactly("TOWN_FIRE_STAFF 5/4");

        if (admin().get("/api/v1/towns/" + LARGE_TOWN).status() == 404) {
            ensureTown(LARGE_TOWN, "长江镇", "TOWN", 6, 3);
        }
        ok(admin().put("/api/v1/towns/" + LARGE_TOWN + "/staffing", Map.of("safetyStaff", 9, "fireStaff", 5)));
        assertThat(townGaps(LARGE_TOWN)).as("长江镇-type by id").containsExactly("TOWN_SAFETY_STAFF 10/9");
    }

    @Test
    void namedTownStaffCountInsteadOfTheFigureAndOnlyTheOwnersReadTheirPhones() {
        String town = unique("zjg-named");
        ensureTown(town, "锦丰镇", "TOWN", 6, 3);
        TestHttp officer = townOfficer(town);
        String path = "/api/v1/towns/" + town + "/staff";
        Map<String, Object> zhang = Map.of("personId", "p-zhang", "name", "张消防", "post", "FIRE",
                "phone", "13912345678");
        assertThat(officer.post(path, zhang).status()).isEqualTo(201);
        assertThat(officer.post(path, zhang).status()).as("the same person again").isEqualTo(200);
        JsonNode two = ok(officer.post(path, Map.of("personId", "p-li", "name", "李消防", "post", "FIRE",
                "phone", "13912345679"))).json();
        assertThat(two.get("fireStaff").asInt()).isEqualTo(2);
        assertThat(townGaps(town)).as("two named fire staff count, not the reported 3")
                .containsExactly("TOWN_FIRE_STAFF 3/2");

        ok(officer.post(path, Map.of("personId", "p-wang", "name", "王消防", "post", "FIRE")));
        assertThat(townGaps(town)).isEmpty();
        JsonNode removed = ok(officer.delete(path + "/p-li")).json();
        assertThat(removed.get("fireStaff").asInt()).isEqualTo(2);
        assertThat(officer.delete(path + "/p-li").status()).as("no longer a member").isEqualTo(404);
        assertThat(townGaps(town)).containsExactly("TOWN_FIRE_STAFF 3/2");
        JsonNode history = officer.get(path + "?all=true").json();
        assertThat(history.get("totalElements").asInt()).isEqualTo(3);
        assertThat(history.get("items").findValuesAsString("personId")).contains("p-li");

        assertThat(phones(officer.get(path))).contains("13912345678");
        assertThat(phones(admin().get(path))).contains("13912345678");
        TestHttp department = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("dept-officer",
                List.of(Roles.DEPARTMENT_OFFICER), Map.of("department_id", "dept-emergency")));
        TestHttp.Response seenByDepartment = department.get(path);
        assertThat(seenByDepartment.status()).isEqualTo(200);
        assertThat(seenByDepartment.json().get("items").findValuesAsString("name")).contains("张消防");
        assertThat(phones(seenByDepartment)).as("names, not phones, for other officers").isEmpty();
        assertThat(townOfficer(OTHER_TOWN).get(path).status()).isEqualTo(404);
        assertThat(townOfficer(OTHER_TOWN).post(path, zhang).status()).isEqualTo(404);
        assertThat(officer.post(path, Map.of("personId", "p-x", "name", "某", "post", "POLICE")).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("post");

        var changed = events(Topics.GRID, "town:" + town, "liuhua.grid.staff-roster-changed.v1", 4);
        StaffRosterChanged last = EventJson.read(changed.get(changed.size() - 1).value(), StaffRosterChanged.class);
        assertThat(last.fireStaff()).isEqualTo(2);
        assertThat(last.townId()).isEqualTo(town);
        assertThat(new String(changed.get(0).value().getData().toBytes())).doesNotContain("1391234");
    }

    @Test
    void aDepartmentFigureCanBeUpdatedItsOfficersNameTheirStaffAndCommerceNeedsTwo() {
        String dept = unique("dept-housing");
        ok(admin().post("/api/v1/departments", Map.of("id", dept, "name", "住房和城乡建设局", "safetyStaff", 2)));
        assertThat(departmentGaps(dept)).containsExactly("DEPARTMENT_SAFETY_STAFF 3/2");
        ok(admin().put("/api/v1/departments/" + dept + "/staffing", Map.of("safetyStaff", 3)));
        assertThat(departmentGaps(dept)).isEmpty();

        TestHttp own = departmentOfficer(dept);
        assertThat(departmentOfficer("dept-emergency").put("/api/v1/departments/" + dept + "/staffing",
                Map.of("safetyStaff", 1)).status()).isEqualTo(403);
        JsonNode lowered = ok(own.put("/api/v1/departments/" + dept + "/staffing", Map.of("safetyStaff", 2))).json();
        assertThat(lowered.get("safetyStaff").asInt()).isEqualTo(2);
        assertThat(departmentGaps(dept)).containsExactly("DEPARTMENT_SAFETY_STAFF 3/2");

        String path = "/api/v1/departments/" + dept + "/staff";
        for (String person : List.of("p-chen", "p-zhou", "p-wu")) {
            assertThat(own.post(path, Map.of("personId", person, "name", "安全员" + person, "post", "SAFETY",
                    "phone", "13800001111")).status()).isEqualTo(201);
        }
        assertThat(departmentGaps(dept)).as("three named people count").isEmpty();
        assertThat(own.post(path, Map.of("personId", "p-fire", "name", "某", "post", "FIRE")).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("post");
        assertThat(phones(own.get(path))).contains("13800001111");
        assertThat(departmentOfficer("dept-emergency").get(path).status()).isEqualTo(404);
        assertThat(phones(new TestHttp("http://127.0.0.1:" + port, TestTokens.user("cockpit",
                Roles.COCKPIT_VIEWER)).get(path))).isEmpty();

        TestHttp.Response commerce = admin().post("/api/v1/departments", Map.of("id", "dept-commerce",
                "name", "商务局"));
        assertThat(commerce.status()).isIn(200, 201);
        ok(admin().put("/api/v1/departments/dept-commerce/staffing", Map.of("safetyStaff", 2)));
        assertThat(departmentGaps("dept-commerce")).isEmpty();
        ok(admin().put("/api/v1/departments/dept-commerce/staffing", Map.of("safetyStaff", 1)));
        assertThat(departmentGaps("dept-commerce")).containsExactly("DEPARTMENT_SAFETY_STAFF 2/1");
        assertThat(admin().put("/api/v1/departments/dept-none/staffing", Map.of("safetyStaff", 1)).status())
                .isEqualTo(404);
    }

    @Test
    void establishmentsFillTheRolesThePolicyNamesForTheirSectorAndSize() {
        Place place = place(TOWN, "GENERAL");
        String producer = register(place, "HAZARDOUS_CHEMICALS", List.of("HAZARDOUS_CHEMICALS"), 100, "INDUSTRIAL");
        String smallProducer = register(place, "HAZARDOUS_CHEMICALS", List.of(), 99, "INDUSTRIAL");
        String user = register(place, "MACHINERY", List.of("HAZARDOUS_CHEMICALS"), 150, "INDUSTRIAL");
        String smelter = register(place, "METALLURGY", List.of("METAL_SMELTING"), 100, "INDUSTRIAL");
        String smallSmelter = register(place, "METALLURGY", List.of("METAL_SMELTING"), 20, "INDUSTRIAL");
        String dust = register(place, "WOODWORKING", List.of("DUST_EXPLOSION"), 120, "INDUSTRIAL");
        String smallDust = register(place, "WOODWORKING", List.of("DUST_EXPLOSION"), 99, "INDUSTRIAL");
        String ammonia = register(place, "FOOD_PROCESSING", List.of("AMMONIA_REFRIGERATION"), 100, "INDUSTRIAL");
        String construction = register(place, "CONSTRUCTION", List.of(), 100, "KEY_SECTOR");
        String shipyard = register(place, "SHIPBUILDING", List.of(), 300, "INDUSTRIAL");
        String transport = register(place, "ROAD_TRANSPORT", List.of(), 100, "KEY_SECTOR");
        String textiles = register(place, "TEXTILES", List.of(), 500, "INDUSTRIAL");
        String venue = register(place, "CATERING", List.of(), 8, "SMALL_VENUE");
        String compound = register(place, "RESIDENTIAL_COMPOUND", List.of(), 0, "RESIDENTIAL");
        Map<String, Object> workshopsBody = establishment(unique("est-jinfeng"), place, "GENERAL");
        workshopsBody.put("workshops", 2);
        String workshops = (String) workshopsBody.get("id");
        ok(admin().post("/api/v1/establishments", workshopsBody));
        bind(workshops, "p-ws1", "SAFETY_OFFICER", "一车间");

        Map<String, List<String>> gaps = establishmentGaps();
        assertThat(gaps.get(producer)).containsExactlyInAnyOrder("SAFETY_DIRECTOR 1/0",
                "REGISTERED_SAFETY_ENGINEER 1/0");
        assertThat(gaps.get(smallProducer)).as("生产、储存: an engineer at any size, a director from 100")
                .containsExactly("REGISTERED_SAFETY_ENGINEER 1/0");
        assertThat(gaps.get(user)).as("a user of hazardous chemicals is not a producer or store").isNull();
        assertThat(gaps.get(smelter)).containsExactlyInAnyOrder("SAFETY_DIRECTOR 1/0",
                "REGISTERED_SAFETY_ENGINEER 1/0");
        assertThat(gaps.get(smallSmelter)).containsExactly("REGISTERED_SAFETY_ENGINEER 1/0");
        for (String director : List.of(dust, ammonia, construction, shipyard, transport)) {
            assertThat(gaps.get(director)).as(director).containsExactly("SAFETY_DIRECTOR 1/0");
        }
        assertThat(gaps.get(smallDust)).isNull();
        assertThat(gaps.get(textiles)).isNull();
        assertThat(gaps.get(venue)).containsExactlyInAnyOrder("FIRE_SAFETY_OFFICER 1/0", "FIRE_INSTRUCTOR 1/0");
        assertThat(gaps.get(compound)).containsExactlyInAnyOrder("FIRE_SAFETY_OFFICER 1/0", "FIRE_INSTRUCTOR 1/0");
        assertThat(gaps.get(workshops)).as("one safety officer per workshop or shift")
                .containsExactly("SAFETY_OFFICER 2/1");

        bind(workshops, "p-ws2", "SAFETY_OFFICER", "二车间");
        bind(venue, "p-venue", "FIRE_SAFETY_OFFICER", null);
        bind(venue, "p-instructor", "FIRE_INSTRUCTOR", null);
        bind(compound, "p-compound", "FIRE_SAFETY_OFFICER", null);
        bind(producer, "p-engineer", "REGISTERED_SAFETY_ENGINEER", null);
        Map<String, List<String>> after = establishmentGaps();
        assertThat(after.get(workshops)).isNull();
        assertThat(after.get(venue)).isNull();
        assertThat(after.get(compound)).containsExactly("FIRE_INSTRUCTOR 1/0");
        assertThat(after.get(producer)).containsExactly("SAFETY_DIRECTOR 1/0");
    }

    @Test
    void oneSafetyOfficerPerPostAndShiftOrPerWorkshopWithoutPosts() {
        Place place = place(TOWN, "GENERAL");
        Map<String, Object> body = establishment(unique("est-posts"), place, "GENERAL");
        body.put("workshops", 1);
        body.put("posts", List.of(Map.of("name", "冲压车间甲班", "workshop", "冲压车间", "shifts", 3,
                "workersPerShift", 18), Map.of("name", "喷涂线", "shifts", 3, "workersPerShift", 6)));
        String posts = (String) body.get("id");
        ok(admin().post("/api/v1/establishments", body));
        for (int i = 1; i <= 5; i++) {
            bind(posts, "p-post" + i, "SAFETY_OFFICER", "班次" + i);
        }
        assertThat(establishmentGaps().get(posts)).as("2 posts × 3 shifts, not the 1 workshop")
                .containsExactly("SAFETY_OFFICER 6/5");
        bind(posts, "p-post6", "SAFETY_OFFICER", "班次6");
        assertThat(establishmentGaps().get(posts)).isNull();

        // with workers-per-safety-officer (1,000 here; 0 by default) a shift of 1,001 workers needs two
        Map<String, Object> large = establishment(unique("est-posts"), place, "GENERAL");
        large.put("posts", List.of(Map.of("name", "总装线", "shifts", 1,
                "workersPerShift", WORKERS_PER_SAFETY_OFFICER + 1), Map.of("name", "焊装线", "shifts", 2,
                "workersPerShift", WORKERS_PER_SAFETY_OFFICER)));
        String big = (String) large.get("id");
        ok(admin().post("/api/v1/establishments", large));
        assertThat(establishmentGaps().get(big)).containsExactly("SAFETY_OFFICER 4/0");

        // without posts the workshops count, as before
        Map<String, Object> plain = establishment(unique("est-posts"), place, "GENERAL");
        plain.put("workshops", 3);
        String workshops = (String) plain.get("id");
        ok(admin().post("/api/v1/establishments", plain));
        assertThat(establishmentGaps().get(workshops)).containsExactly("SAFETY_OFFICER 3/0");
    }

    private String register(Place place, String industry, List<String> flags, int employees, String kind) {
        Map<String, Object> body = establishment(unique("est-jinfeng"), place, "GENERAL");
        body.put("industry", industry);
        body.put("flags", flags);
        body.put("employeeCount", employees);
        body.put("kind", kind);
        ok(admin().post("/api/v1/establishments", body));
        return (String) body.get("id");
    }

    private void bind(String establishment, String person, String role, String workshop) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("personId", person, "name", "某某",
                "role", role));
        if (workshop != null) {
            body.put("workshop", workshop);
        }
        ok(admin().post("/api/v1/establishments/" + establishment + "/officers", body));
    }

    private TestHttp departmentOfficer(String department) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("dept-officer-" + department,
                List.of(Roles.DEPARTMENT_OFFICER), Map.of("department_id", department)));
    }

    /** The gaps of a town's own staffing, as "RULE required/actual". */
    private List<String> townGaps(String town) {
        List<String> gaps = new ArrayList<>();
        admin().get("/api/v1/staffing/gaps?townId=" + town).json().get("items").forEach(t -> t.get("gaps")
                .forEach(g -> {
                    if ("TOWN".equals(g.get("subject").asString())) {
                        gaps.add(line(g));
                    }
                }));
        return gaps;
    }

    private List<String> departmentGaps(String department) {
        List<String> gaps = new ArrayList<>();
        admin().get("/api/v1/staffing/gaps?townId=" + OTHER_TOWN).json().get("departments").forEach(g -> {
            if (department.equals(g.get("subjectId").asString())) {
                gaps.add(line(g));
            }
        });
        return gaps;
    }

    private Map<String, List<String>> establishmentGaps() {
        Map<String, List<String>> gaps = new java.util.HashMap<>();
        admin().get("/api/v1/staffing/gaps?townId=" + TOWN).json().get("items").forEach(t -> t.get("gaps")
                .forEach(g -> {
                    if ("ESTABLISHMENT".equals(g.get("subject").asString())) {
                        gaps.computeIfAbsent(g.get("subjectId").asString(), k -> new ArrayList<>()).add(line(g));
                    }
                }));
        return gaps;
    }

    private static String line(JsonNode gap) {
        return gap.get("rule").asString() + " " + gap.get("required").asInt() + "/" + gap.get("actual").asInt();
    }

    private static List<String> phones(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> phones = new ArrayList<>();
        response.json().get("items").forEach(p -> {
            if (p.get("phone") != null && !p.get("phone").isNull()) {
                phones.add(p.get("phone").asString());
            }
        });
        return phones;
    }
}
