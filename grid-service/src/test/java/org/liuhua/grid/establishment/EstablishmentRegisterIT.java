package org.liuhua.grid.establishment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentClosed;
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
 * officers proposing their own facts within bounds, reviewed by the town.
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
