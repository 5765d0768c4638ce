package org.liuhua.grid.establishment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentClosed;
import org.liuhua.events.grid.EstablishmentPost;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.EstablishmentUpdateReviewed;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G-2, a register a city can trust: landlord/tenant and cluster links validated and kept in step both ways; closing
 * an establishment (kept with its history, no longer patrolled, a landlord with active tenants refused); enterprise
 * officers proposing their own facts (employees, workshops, posts) within bounds, reviewed by the town; an
 * establishment's production-line posts (岗位/班组) and their bounds.
 */
class EstablishmentRegisterIT extends GridIT {

    @Test
    void landlordAndTenantListEachOtherAndBadLinksAreRefused() {
        Place place = place(TOWN, "GENERAL");
        String landlord = registerEstablishment(place, "GENERAL");
        String other = registerEstablishment(place, "GENERAL");
        String tenant = unique("est-tenant");
        ok(admin().post("/api/v1/establishments", linked(tenant, place, landlord, null)));
        assertThat(tenants(landlord)).containsExactly(tenant);

        // re-linked to another landlord: both sides follow
        ok(admin().put("/api/v1/establishments/" + tenant, linked(tenant, place, other, null)));
        assertThat(tenants(landlord)).isEmpty();
        assertThat(tenants(other)).containsExactly(tenant);
        var changes = events(Topics.GRID, other, "liuhua.grid.establishment-changed.v1", 1);
        assertThat(EventJson.read(changes.get(0).value(), EstablishmentChanged.class).tenantIds())
                .containsExactly(tenant);

        // a landlord of its tenant's landlord would close a cycle; itself; another town's; an unknown one
        assertField(admin().put("/api/v1/establishments/" + other, linked(other, place, tenant, null)), 400,
                "landlordId");
        assertField(admin().put("/api/v1/establishments/" + tenant, linked(tenant, place, tenant, null)), 400,
                "landlordId");
        Place elsewhere = place(OTHER_TOWN, "GENERAL");
        String foreign = registerEstablishment(elsewhere, "GENERAL");
        assertField(admin().put("/api/v1/establishments/" + tenant, linked(tenant, place, foreign, null)), 400,
                "landlordId");
        assertField(admin().post("/api/v1/establishments", linked(unique("est-x"), place, "est-none", null)), 400,
                "landlordId");

        // links stay within a town: a linked establishment does not move to another one
        TestHttp.Response away = admin().post("/api/v1/establishments/" + tenant + "/move",
                Map.of("unitId", elsewhere.unitId(), "reason", "企业搬迁"));
        assertThat(away.status()).as(away.toString()).isEqualTo(409);
        assertThat(away.body()).contains("LINKED").contains(other);

        // the tenancy ends: the landlord no longer lists it
        ok(admin().put("/api/v1/establishments/" + tenant, linked(tenant, place, null, null)));
        assertThat(tenants(other)).isEmpty();
    }

    @Test
    void anEstablishmentsClusterAndTheClustersMembersAreKeptInStep() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String cluster = unique("cluster-jinfeng");
        ok(admin().post("/api/v1/clusters", Map.of("id", cluster, "name", "锦丰镇三兴工业集中区", "townId", TOWN,
                "memberIds", List.of(est))));
        assertThat(admin().get("/api/v1/establishments/" + est).json().get("clusterId").asString())
                .isEqualTo(cluster);

        String joining = unique("est-member");
        ok(admin().post("/api/v1/establishments", linked(joining, place, null, cluster)));
        assertThat(members(cluster)).containsExactlyInAnyOrder(est, joining);

        ok(admin().put("/api/v1/establishments/" + joining, linked(joining, place, null, null)));
        assertThat(members(cluster)).containsExactly(est);

        String foreignCluster = unique("cluster-leyu");
        ok(admin().post("/api/v1/clusters", Map.of("id", foreignCluster, "name", "乐余镇工业集中区",
                "townId", OTHER_TOWN, "memberIds", List.of())));
        assertField(admin().put("/api/v1/establishments/" + joining, linked(joining, place, null, foreignCluster)),
                400, "clusterId");
        assertThat(members(foreignCluster)).isEmpty();
    }

    @Test
    void aClosedEstablishmentIsKeptButNoLongerPatrolledAndALandlordWithTenantsStaysOpen() {
        Place place = place(TOWN, "GENERAL");
        String landlord = registerEstablishment(place, "GENERAL");
        String tenant = unique("est-tenant");
        ok(admin().post("/api/v1/establishments", linked(tenant, place, landlord, null)));
        String cluster = unique("cluster-jinfeng");
        ok(admin().post("/api/v1/clusters", Map.of("id", cluster, "name", "锦丰镇集中区", "townId", TOWN,
                "memberIds", List.of(tenant))));

        TestHttp.Response refused = townOfficer(TOWN).post("/api/v1/establishments/" + landlord + "/close",
                Map.of("closedOn", "2026-10-31", "reason", "停产关闭"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("HAS_TENANTS").contains(tenant);

        assertField(admin().post("/api/v1/establishments/" + tenant + "/close", Map.of("closedOn", "2026-10-31")),
                400, "reason");
        assertField(admin().post("/api/v1/establishments/" + tenant + "/close",
                Map.of("closedOn", "2999-01-01", "reason", "停产")), 400, "closedOn");
        assertThat(townOfficer(OTHER_TOWN).post("/api/v1/establishments/" + tenant + "/close",
                Map.of("reason", "停产")).status()).isEqualTo(404);

        TestHttp.Response closed = townOfficer(TOWN).post("/api/v1/establishments/" + tenant + "/close",
                Map.of("closedOn", "2026-10-31", "reason", "企业停产关闭，营业执照已注销"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("closedReason").asString()).isEqualTo("企业停产关闭，营业执照已注销");
        long revision = closed.json().get("revision").asLong();
        assertThat(admin().post("/api/v1/establishments/" + tenant + "/close", Map.of("reason", "再次"))
                .json().get("revision").asLong()).isEqualTo(revision);
        assertThat(members(cluster)).isEmpty();

        // kept in the register, listed by status; no longer due (coverage counts the landlord only)
        assertThat(allItems(admin(), "/api/v1/establishments?unitId=" + place.unitId() + "&status=CLOSED", "id"))
                .containsExactly(tenant);
        assertThat(allItems(admin(), "/api/v1/establishments?unitId=" + place.unitId() + "&status=ACTIVE", "id"))
                .containsExactly(landlord);
        assertField(admin().get("/api/v1/establishments?status=GONE"), 400, "status");
        assertThat(admin().get("/api/v1/coverage?unitId=" + place.unitId() + "&from=2026-07-01&to=2026-09-30")
                .json().get("establishments").asInt()).isEqualTo(1);
        Map<String, Object> grown = linked(tenant, place, landlord, null);
        grown.put("employeeCount", 99);
        assertThat(admin().put("/api/v1/establishments/" + tenant, grown).status()).isEqualTo(409);
        assertThat(admin().post("/api/v1/establishments/" + tenant + "/officers", Map.of("personId", "p-x",
                "name", "某某", "role", "SAFETY_OFFICER")).status()).isEqualTo(409);

        // the landlord's only tenant is closed: it may close now, and the unit retires with closed ones in it
        ok(townOfficer(TOWN).post("/api/v1/establishments/" + landlord + "/close", Map.of("reason", "厂房拆除")));
        ok(admin().post("/api/v1/patrol-units/" + place.unitId() + "/retire", Map.of()));

        var closedEvents = events(Topics.GRID, tenant, "liuhua.grid.establishment-closed.v1", 1);
        EstablishmentClosed event = EventJson.read(closedEvents.get(0).value(), EstablishmentClosed.class);
        assertThat(event.reason()).isEqualTo("企业停产关闭，营业执照已注销");
        assertThat(event.clusterId()).isEqualTo(cluster);
        assertThat(event.closedAt()).isEqualTo(calendar.startOf(java.time.LocalDate.parse("2026-10-31")));
    }

    @Test
    void anEnterpriseProposesItsOwnFactsAndTheTownReviews() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String otherEst = registerEstablishment(place, "GENERAL");
        TestHttp enterprise = enterpriseOfficer(est);
        String proposals = "/api/v1/establishments/" + est + "/update-proposals";

        assertField(enterprise.post(proposals, Map.of("employeeCount", 200)), 400, "employeeCount");
        assertField(enterprise.post(proposals, Map.of("workshops", 9)), 400, "workshops");
        assertField(enterprise.post(proposals, Map.of("note", "无变化")), 400, "employeeCount");
        assertThat(enterpriseOfficer(otherEst).post(proposals, Map.of("employeeCount", 25)).status()).isEqualTo(404);
        assertThat(townOfficer(TOWN).post(proposals, Map.of("employeeCount", 25)).status()).isEqualTo(403);

        TestHttp.Response proposed = enterprise.post(proposals, Map.of("employeeCount", 28, "workshops", 2,
                "note", "新增二车间"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(enterprise.post(proposals, Map.of("employeeCount", 22)).status()).isEqualTo(409);

        assertThat(allItems(townOfficer(TOWN), "/api/v1/establishments/update-proposals?status=PENDING", "id"))
                .contains(id);
        assertThat(allItems(townOfficer(OTHER_TOWN), "/api/v1/establishments/update-proposals", "id"))
                .doesNotContain(id);
        assertThat(allItems(enterpriseOfficer(otherEst), "/api/v1/establishments/update-proposals", "id"))
                .doesNotContain(id);
        String review = "/api/v1/establishments/update-proposals/" + id;
        assertThat(townOfficer(OTHER_TOWN).post(review + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(enterprise.post(review + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/establishments/" + est).json().get("employeeCount").asInt()).isEqualTo(20);

        TestHttp.Response approved = townOfficer(TOWN).post(review + "/approve", Map.of("reason", "已现场核实"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        JsonNode now = admin().get("/api/v1/establishments/" + est).json();
        assertThat(now.get("employeeCount").asInt()).isEqualTo(28);
        assertThat(now.get("workshops").asInt()).isEqualTo(2);
        assertThat(townOfficer(TOWN).post(review + "/reject", Map.of("reason", "改判")).status()).isEqualTo(409);

        var reviewed = events(Topics.GRID, est, "liuhua.grid.establishment-update-reviewed.v1", 1);
        assertThat(EventJson.read(reviewed.get(0).value(), EstablishmentUpdateReviewed.class).decision())
                .isEqualTo("APPROVED");
        var changed = events(Topics.GRID, est, "liuhua.grid.establishment-changed.v1", 1);
        assertThat(EventJson.read(changed.get(changed.size() - 1).value(), EstablishmentChanged.class).workshops())
                .isEqualTo(2);

        String second = enterprise.post(proposals, Map.of("employeeCount", 30)).json().get("id").asString();
        assertField(townOfficer(TOWN).post("/api/v1/establishments/update-proposals/" + second + "/reject",
                Map.of()), 400, "reason");
        TestHttp.Response rejected = townOfficer(TOWN).post("/api/v1/establishments/update-proposals/" + second
                + "/reject", Map.of("reason", "人数与社保缴纳记录不符"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(admin().get("/api/v1/establishments/" + est).json().get("employeeCount").asInt()).isEqualTo(28);
    }

    @Test
    void postsAreRegisteredShownAndCarriedInTheEventsAndABadPostIsNamed() {
        Place place = place(TOWN, "GENERAL");
        String est = unique("est-posts");
        Map<String, Object> body = new HashMap<>(establishment(est, place, "GENERAL"));
        body.put("posts", List.of(post("冲压车间甲班", "冲压车间", 2, 18), post("喷涂线", null, 1, 6)));
        TestHttp.Response created = admin().post("/api/v1/establishments", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode posts = admin().get("/api/v1/establishments/" + est).json().get("posts");
        assertThat(posts.findValuesAsString("name")).containsExactly("冲压车间甲班", "喷涂线");
        assertThat(posts.get(0).get("workshop").asString()).isEqualTo("冲压车间");
        assertThat(posts.get(0).get("shifts").asInt()).isEqualTo(2);
        assertThat(posts.get(0).get("workersPerShift").asInt()).isEqualTo(18);
        assertThat(admin().post("/api/v1/establishments", body).status()).as("the same again").isEqualTo(200);
        var registered = events(Topics.GRID, est, "liuhua.grid.establishment-registered.v1", 1);
        assertThat(EventJson.read(registered.get(0).value(), EstablishmentRegistered.class).posts())
                .containsExactly(new EstablishmentPost("冲压车间甲班", "冲压车间", 2, 18),
                        new EstablishmentPost("喷涂线", null, 1, 6));

        // each bound, at the boundary, named by its position
        List<Map<String, Object>> good = List.of(post("甲班", null, 1, 1), post("乙班", "二车间", 4, 10_000));
        assertThat(badPost(est, body, good, post("丙班", null, 5, 10))).isEqualTo("posts[2].shifts");
        assertThat(badPost(est, body, good, post("丙班", null, 0, 10))).isEqualTo("posts[2].shifts");
        assertThat(badPost(est, body, good, post("丙班", null, 1, 10_001))).isEqualTo("posts[2].workersPerShift");
        assertThat(badPost(est, body, good, post("丙班", null, 1, 0))).isEqualTo("posts[2].workersPerShift");
        assertThat(badPost(est, body, good, post("乙班", null, 1, 5))).isEqualTo("posts[2].name");
        assertThat(badPost(est, body, good, post(" ", null, 1, 5))).isEqualTo("posts[2].name");
        assertThat(badPost(est, body, good, post("班".repeat(65), null, 1, 5))).isEqualTo("posts[2].name");
        assertThat(badPost(est, body, good, post("丙班", "车".repeat(65), 1, 5))).isEqualTo("posts[2].workshop");
        assertThat(badPost(est, body, good, post("丙班", null, "三班", 5))).isEqualTo("posts[2].shifts");
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(post("班组" + i, null, 1, 3));
        }
        body.put("posts", many);
        assertField(admin().put("/api/v1/establishments/" + est, body), 400, "posts");
        body.put("posts", many.subList(0, 200));
        assertThat(ok(admin().put("/api/v1/establishments/" + est, body)).json().get("posts").size()).isEqualTo(200);

        // a batch item and a spreadsheet row are read the same way
        Map<String, Object> item = new HashMap<>(establishment(unique("est-batch"), place, "GENERAL"));
        item.put("posts", List.of(post("叉车班", null, 9, 3)));
        JsonNode batch = ok(admin().post("/api/v1/establishments/batch", List.of(item))).json();
        assertThat(batch.get(0).get("errors").findValuesAsString("field")).containsExactly("posts[0].shifts");
        String fromSheet = unique("est-sheet");
        String csv = "id,name,kind,industry,departmentId,unitId,riskLevel,posts\n"
                + fromSheet + ",锦丰某机械厂,INDUSTRIAL,MACHINERY,dept-emergency," + place.unitId()
                + ",GENERAL,冲压甲班:2:18:冲压车间;仓储叉车班：3：4\n"
                + unique("est-sheet") + ",锦丰某五金厂,INDUSTRIAL,MACHINERY,dept-emergency," + place.unitId()
                + ",GENERAL,冲压甲班:两班:18\n";
        JsonNode report = ok(upload(admin(), "/api/v1/establishments/import", "posts.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))).json();
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("results").get(1).get("errors").findValuesAsString("field"))
                .containsExactly("posts[0].shifts");
        JsonNode sheetPosts = admin().get("/api/v1/establishments/" + fromSheet).json().get("posts");
        assertThat(sheetPosts.findValuesAsString("name")).containsExactly("冲压甲班", "仓储叉车班");
        assertThat(sheetPosts.get(0).get("workshop").asString()).isEqualTo("冲压车间");
        assertThat(sheetPosts.get(1).get("shifts").asInt()).isEqualTo(3);
    }

    @Test
    void anEnterpriseProposesItsPostsWithinBoundsAndTheApprovalAppliesThem() {
        Place place = place(TOWN, "GENERAL");
        String est = unique("est-posts");
        Map<String, Object> body = new HashMap<>(establishment(est, place, "GENERAL"));
        body.put("posts", List.of(post("冲压车间甲班", "冲压车间", 2, 18)));
        ok(admin().post("/api/v1/establishments", body));
        TestHttp enterprise = enterpriseOfficer(est);
        String proposals = "/api/v1/establishments/" + est + "/update-proposals";

        assertField(enterprise.post(proposals, Map.of("posts", List.of(post("冲压车间甲班", "冲压车间", 2, 18)))),
                400, "posts");
        assertField(enterprise.post(proposals, Map.of("posts", List.of(post("冲压车间甲班", null, 6, 18)))), 400,
                "posts[0].shifts");
        List<Map<String, Object>> sixChanges = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            sixChanges.add(post("新班组" + i, null, 1, 5));
        }
        assertField(enterprise.post(proposals, Map.of("posts", sixChanges)), 400, "posts");

        List<Map<String, Object>> proposed = List.of(post("冲压车间甲班", "冲压车间", 3, 18),
                post("喷涂线", "涂装车间", 2, 6), post("仓储叉车班", null, 1, 4));
        TestHttp.Response pending = enterprise.post(proposals, Map.of("posts", proposed, "note", "新增喷涂线和叉车班"));
        assertThat(pending.status()).as(pending.toString()).isEqualTo(201);
        assertThat(pending.json().get("currentPosts").findValuesAsString("name")).containsExactly("冲压车间甲班");
        assertThat(pending.json().get("posts").findValuesAsString("name"))
                .containsExactly("冲压车间甲班", "喷涂线", "仓储叉车班");
        String id = pending.json().get("id").asString();
        assertThat(townOfficer(TOWN).get("/api/v1/establishments/update-proposals/" + id).json()
                .get("currentPosts").get(0).get("shifts").asInt()).isEqualTo(2);
        assertThat(admin().get("/api/v1/establishments/" + est).json().get("posts").size()).isEqualTo(1);

        ok(townOfficer(TOWN).post("/api/v1/establishments/update-proposals/" + id + "/approve", Map.of()));
        JsonNode now = admin().get("/api/v1/establishments/" + est).json();
        assertThat(now.get("posts").findValuesAsString("name")).containsExactly("冲压车间甲班", "喷涂线", "仓储叉车班");
        assertThat(now.get("posts").get(0).get("shifts").asInt()).isEqualTo(3);
        assertThat(now.get("employeeCount").asInt()).as("left as it was").isEqualTo(20);
        var changed = events(Topics.GRID, est, "liuhua.grid.establishment-changed.v1", 1);
        assertThat(EventJson.read(changed.get(changed.size() - 1).value(), EstablishmentChanged.class).posts())
                .hasSize(3).contains(new EstablishmentPost("仓储叉车班", null, 1, 4));
        var reviewed = events(Topics.GRID, est, "liuhua.grid.establishment-update-reviewed.v1", 1);
        assertThat(EventJson.read(reviewed.get(0).value(), EstablishmentUpdateReviewed.class).posts()).hasSize(3);
    }

    private String badPost(String est, Map<String, Object> body, List<Map<String, Object>> good,
                           Map<String, Object> bad) {
        List<Map<String, Object>> posts = new java.util.ArrayList<>(good);
        posts.add(bad);
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("posts", posts);
        TestHttp.Response r = admin().put("/api/v1/establishments/" + est, changed);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        List<String> fields = r.json().get("errors").findValuesAsString("field");
        assertThat(fields).as(r.toString()).hasSize(1);
        return fields.get(0);
    }

    private static Map<String, Object> post(String name, String workshop, Object shifts, int workersPerShift) {
        Map<String, Object> post = new HashMap<>(Map.of("name", name, "shifts", shifts,
                "workersPerShift", workersPerShift));
        post.put("workshop", workshop);
        return post;
    }

    private TestHttp enterpriseOfficer(String establishmentId) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("enterprise-" + establishmentId,
                List.of(Roles.ENTERPRISE_OFFICER), Map.of("establishment_id", establishmentId)));
    }

    private Map<String, Object> linked(String id, Place place, String landlordId, String clusterId) {
        Map<String, Object> body = new HashMap<>(establishment(id, place, "GENERAL"));
        body.put("landlordId", landlordId);
        body.put("clusterId", clusterId);
        return body;
    }

    private List<String> tenants(String establishmentId) {
        return admin().get("/api/v1/establishments/" + establishmentId).json().get("tenantIds").valueStream()
                .map(JsonNode::asString).toList();
    }

    private List<String> members(String clusterId) {
        return admin().get("/api/v1/clusters/" + clusterId).json().get("memberAssessments")
                .findValuesAsString("establishmentId");
    }

    private static void assertField(TestHttp.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).contains(field);
    }
}
