package org.liuhua.hazard.loop;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Data scope (S-3): object-level authorization on every {id} route, and the scope of each role in lists. */
class ScopeIT extends HazardIT {

    record Fixture(String hazardId, String evidenceId, String reportCode, String contractId) {
    }

    record Route(String name, BiFunction<TestHttp, Fixture, TestHttp.Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Fixture fixture;

    /** Objects of town Tangqiao (and of firm-b); the callers below belong to Jinfeng (or firm-a). */
    Fixture fixture() {
        if (fixture == null) {
            String hazardId = report(unique("est-tangqiao"), TANGQIAO, "FIRE_SAFETY", "MAJOR", "GRID_PATROL");
            TestHttp.Response evidence = upload(admin(), "/api/v1/hazards/" + hazardId + "/evidence", "a.png",
                    png(64), Map.of("phase", "BEFORE"));
            assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
            TestHttp.Response report = anonymous().post("/api/v1/public/reports", Map.of("townId", TANGQIAO,
                    "description", "塘桥某厂消防通道堵塞"), Map.of("X-Forwarded-For", "10.9.9.9"));
            TestHttp.Response contract = admin().post("/api/v1/contracts", Map.of("firmId", "firm-b",
                    "establishmentIds", List.of("est-tangqiao-0001"), "validFrom", "2026-01-01",
                    "validTo", "2030-12-31"));
            fixture = new Fixture(hazardId, evidence.json().get("evidenceId").asString(),
                    report.json().get("code").asString(), contract.json().get("contractId").asString());
        }
        return fixture;
    }

    static Stream<Route> hazardRoutes() {
        return Stream.of(
                new Route("GET /hazards/{id}", (h, f) -> h.get("/api/v1/hazards/" + f.hazardId())),
                new Route("GET /hazards/{id}/verify", (h, f) -> h.get("/api/v1/hazards/" + f.hazardId() + "/verify")),
                new Route("POST /hazards/{id}/transfer", (h, f) -> h.post("/api/v1/hazards/" + f.hazardId()
                        + "/transfer", Map.of("toEstablishment", true))),
                new Route("POST /hazards/{id}/acknowledge", (h, f) -> h.post("/api/v1/hazards/" + f.hazardId()
                        + "/acknowledge", Map.of())),
                new Route("POST /hazards/{id}/rectify", (h, f) -> h.post("/api/v1/hazards/" + f.hazardId()
                        + "/rectify", fiveParts())),
                new Route("POST /hazards/{id}/review", (h, f) -> h.post("/api/v1/hazards/" + f.hazardId()
                        + "/review", Map.of("passed", true))),
                new Route("POST /hazards/{id}/enforce", (h, f) -> h.post("/api/v1/hazards/" + f.hazardId()
                        + "/enforce", Map.of("kind", "NONE"))),
                new Route("POST /hazards/{id}/supervision-order", (h, f) -> h.post("/api/v1/hazards/" + f.hazardId()
                        + "/supervision-order", Map.of("orderNumber", "x"))),
                new Route("POST /hazards/{id}/sign-off", (h, f) -> h.post("/api/v1/hazards/" + f.hazardId()
                        + "/sign-off", Map.of())),
                new Route("POST /hazards/{id}/close", (h, f) -> h.post("/api/v1/hazards/" + f.hazardId()
                        + "/close", Map.of())),
                new Route("POST /hazards/{id}/evidence", (h, f) -> upload(h, "/api/v1/hazards/" + f.hazardId()
                        + "/evidence", "b.png", png(32), Map.of())),
                new Route("GET /evidence/{id}", (h, f) -> h.get("/api/v1/evidence/" + f.evidenceId())),
                new Route("GET /evidence/{id}/content", (h, f) -> h.get("/api/v1/evidence/" + f.evidenceId()
                        + "/content")),
                new Route("GET /public-reports/{code}", (h, f) -> h.get("/api/v1/public-reports/" + f.reportCode())),
                new Route("POST /public-reports/{code}/reject", (h, f) -> h.post("/api/v1/public-reports/"
                        + f.reportCode() + "/reject", Map.of("reason", "x"))),
                new Route("POST /public-reports/{code}/verify", (h, f) -> h.post("/api/v1/public-reports/"
                        + f.reportCode() + "/verify", Map.of("establishmentId", "e", "category", "c"))));
    }

    /** A town and department officer at once, so that every command passes the role check and only scope decides. */
    TestHttp officer(String townId, String departmentId) {
        return as(org.liuhua.kit.test.TestTokens.user("officer-" + townId, List.of("TOWN_OFFICER",
                "DEPARTMENT_OFFICER"), Map.of("town_id", townId, "department_id", departmentId)));
    }

    /** BOLA: another town's object answers 404 on every route, while its own town reaches it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hazardRoutes")
    void anotherTownsObjectIsNotFoundOnEveryRoute(Route route) {
        Fixture f = fixture();
        TestHttp.Response foreign = route.call().apply(officer(JINFENG, "dept-fire"), f);
        assertThat(foreign.status()).as(route.name() + " " + foreign).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.body()).doesNotContain(TANGQIAO);
        TestHttp.Response own = route.call().apply(officer(TANGQIAO, "dept-fire"), f);
        assertThat(own.status()).as(route.name() + " by its own town " + own).isNotEqualTo(404);
    }

    /**
     * A city-wide caller's command skips the scope check (it sees every hazard) and meets the unknown id in the
     * command's own read: the same 404 problem as anyone's, naming the hazard, and nothing is written.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routesOfOneHazard")
    void anUnknownHazardIsNotFoundForTheCityToo(Route route) {
        Fixture f = fixture();
        String unknown = unique("hz-unknown");
        TestHttp.Response response = route.call().apply(admin(), new Fixture(unknown, "ev-" + unknown,
                f.reportCode(), f.contractId()));
        assertThat(response.status()).as(route.name() + " " + response).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(unknown);
        assertThat(admin().get("/api/v1/hazards/" + unknown).status()).isEqualTo(404);
    }

    /** The routes that name a hazard (the others name evidence or a public report). */
    static Stream<Route> routesOfOneHazard() {
        return hazardRoutes().filter(route -> route.name().contains(" /hazards/{id}"));
    }

    static Stream<Route> firmRoutes() {
        return Stream.of(
                new Route("GET /contracts/{id}", (h, f) -> h.get("/api/v1/contracts/" + f.contractId())),
                new Route("GET /firms/{id}/quality", (h, f) -> h.get("/api/v1/firms/firm-b/quality")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firmRoutes")
    void anotherFirmsObjectIsNotFound(Route route) {
        Fixture f = fixture();
        assertThat(route.call().apply(firm("firm-a"), f).status()).isEqualTo(404);
        assertThat(route.call().apply(firm("firm-b"), f).status()).isEqualTo(200);
    }

    @Test
    void eachRoleSeesItsOwnScopeInTheList() {
        String est = unique("est-jinfeng");
        String jinfeng = report(est, JINFENG, "SCOPE-1", null, "GRID_PATROL");
        String tangqiao = report(unique("est-tangqiao"), TANGQIAO, "SCOPE-1", null, "GRID_PATROL");
        townOfficer(TANGQIAO).post("/api/v1/hazards/" + tangqiao + "/transfer",
                Map.of("departmentId", "dept-culture-tourism"));

        List<String> town = ids(townOfficer(JINFENG).get("/api/v1/hazards?category=SCOPE-1&size=200").json());
        assertThat(town).contains(jinfeng).doesNotContain(tangqiao);
        List<String> department = ids(departmentOfficer("dept-culture-tourism")
                .get("/api/v1/hazards?category=SCOPE-1&size=200").json());
        assertThat(department).containsExactly(tangqiao);
        assertThat(departmentOfficer("dept-culture-tourism").get("/api/v1/hazards/" + tangqiao).status())
                .isEqualTo(200);
        List<String> enterprise = ids(enterpriseOfficer(est).get("/api/v1/hazards?size=200").json());
        assertThat(enterprise).containsExactly(jinfeng);
        assertThat(enterpriseOfficer(est).get("/api/v1/hazards/" + tangqiao).status()).isEqualTo(404);
        assertThat(ids(inspector("insp-nowhere").get("/api/v1/hazards?size=200").json())).isEmpty();
        assertThat(ids(firm("firm-without-contract").get("/api/v1/hazards?size=200").json())).isEmpty();
        assertThat(ids(viewer().get("/api/v1/hazards?category=SCOPE-1&size=200").json()))
                .contains(jinfeng, tangqiao);
        assertThat(ids(townOfficer(JINFENG).get("/api/v1/hazards/ledger?establishmentId=" + est).json()))
                .containsExactly(jinfeng);
    }

    static List<String> ids(JsonNode page) {
        JsonNode items = page.has("items") ? page.get("items") : page.get("hazards");
        return items.findValuesAsString("id");
    }
}
