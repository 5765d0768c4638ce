package org.liuhua.grid.scope;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BOLA: every GET route that takes an object id, asked by a town officer of another town, answers 404; the officer
 * of the object's own town gets 200. The list of routes is checked against the service's actual mappings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeIT extends GridIT {

    static final List<String> ID_ROUTES = List.of(
            "/api/v1/towns/{town}",
            "/api/v1/towns/{town}/staff",
            "/api/v1/villages/{village}",
            "/api/v1/grids/{grid}",
            "/api/v1/patrol-units/{unit}",
            "/api/v1/establishments/{establishment}",
            "/api/v1/inspectors/{inspector}",
            "/api/v1/inspectors/{inspector}/assessment?month=2026-10",
            "/api/v1/patrols/{patrol}",
            "/api/v1/patrols/{patrol}/track",
            "/api/v1/clusters/{cluster}",
            "/api/v1/establishments/update-proposals/{proposal}",
            "/api/v1/bindings?establishmentId={establishment}&at=2026-03-01",
            "/api/v1/bindings?unitId={unit}",
            "/api/v1/bindings?inspectorId={inspector}",
            "/api/v1/patrol-plan?inspectorId={inspector}&asOf=2026-10-01",
            "/api/v1/patrol-plan?unitId={unit}&period=2026-Q4",
            "/api/v1/patrol-plan?townId={town}",
            "/api/v1/coverage?unitId={unit}&period=2026-H2",
            "/api/v1/coverage?townId={town}",
            "/api/v1/coverage?unitId={unit}",
            "/api/v1/inspectors/ranking?townId={town}&month=2026-10");

    final Map<String, String> ids = new HashMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeAll
    void aPieceOfAnotherTown() {
        Place place = place(OTHER_TOWN, "GENERAL");
        ids.put("town", OTHER_TOWN);
        ids.put("village", place.villageId());
        ids.put("grid", place.gridId());
        ids.put("unit", place.unitId());
        Map<String, Object> body = establishment(unique("est-leyu"), place, "LOW");
        String est = admin().post("/api/v1/establishments", body).json().get("id").asString();
        ids.put("establishment", est);
        String inspector = registerInspector(place);
        ids.put("inspector", inspector);
        String patrol = unique("patrol");
        ok(inspector(inspector).post("/api/v1/patrols", Map.of("id", patrol, "unitId", place.unitId(),
                "startedAt", Instant.now().toString())));
        ids.put("patrol", patrol);
        String cluster = unique("cluster-leyu");
        ok(admin().post("/api/v1/clusters", Map.of("id", cluster, "name", "乐余集中区", "townId", OTHER_TOWN,
                "memberIds", List.of(est))));
        ids.put("cluster", cluster);
        TestHttp enterprise = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("enterprise-" + est,
                List.of(Roles.ENTERPRISE_OFFICER), Map.of("establishment_id", est)));
        ids.put("proposal", ok(enterprise.post("/api/v1/establishments/" + est + "/update-proposals",
                Map.of("employeeCount", 25))).json().get("id").asString());
    }

    List<String> routes() {
        return ID_ROUTES;
    }

    private String path(String route) {
        String path = route;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aTownOfficerOfAnotherTownGets404(String route) {
        TestHttp.Response foreign = townOfficer(TOWN).get(path(route));
        assertThat(foreign.status()).as(route + " → " + foreign).isEqualTo(404);
        TestHttp.Response own = townOfficer(OTHER_TOWN).get(path(route));
        assertThat(own.status()).as(route + " → " + own).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("routes")
    void anInspectorOfAnotherTownGets404(String route) {
        String stranger = ids.computeIfAbsent("stranger", k -> registerInspector(place(TOWN, "GENERAL")));
        TestHttp.Response foreign = inspector(stranger).get(path(route));
        assertThat(foreign.status()).as(route + " → " + foreign).isIn(403, 404);
    }

    @Test
    void everyGetRouteWithAnIdIsCovered() {
        Set<String> actual = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                // the public routes (/api/v1/public/**: the 双网格员 list, 名单公示) answer everyone by design
                // a department's staff is scoped by department, not by town (StaffingRulesIT: another department's
                // officer and town officers get 404)
                info.getPatternValues().stream().filter(p -> p.contains("{") && p.startsWith("/api/")
                                && !p.startsWith("/api/v1/public/") && !p.startsWith("/api/v1/departments/"))
                        .forEach(actual::add);
            }
        });
        Set<String> covered = new TreeSet<>();
        for (String route : ID_ROUTES) {
            String path = route.contains("?") ? route.substring(0, route.indexOf('?')) : route;
            covered.add(path.replaceAll("\\{[a-z]+}", "{id}"));
        }
        assertThat(covered).containsAll(actual);
    }

    @Test
    void anEnterpriseOfficerSeesOnlyTheirEstablishmentAndADepartmentOfficerTheirDepartment() {
        String est = ids.get("establishment");
        TestHttp enterprise = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("enterprise-officer",
                List.of(Roles.ENTERPRISE_OFFICER), Map.of("establishment_id", est)));
        assertThat(enterprise.get("/api/v1/establishments/" + est).status()).isEqualTo(200);
        assertThat(enterprise.get("/api/v1/establishments?size=100").json().get("items")
                .findValuesAsString("id")).containsExactly(est);
        TestHttp housing = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("department-officer",
                List.of(Roles.DEPARTMENT_OFFICER), Map.of("department_id", "dept-housing")));
        assertThat(housing.get("/api/v1/establishments/" + est).status()).isEqualTo(404);
        TestHttp emergency = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("department-officer-2",
                List.of(Roles.DEPARTMENT_OFFICER), Map.of("department_id", "dept-emergency")));
        assertThat(emergency.get("/api/v1/establishments/" + est).status()).isEqualTo(200);
    }

    @Test
    void aTownOfficerCannotWriteToAnotherTownsRegistry() {
        TestHttp.Response r = townOfficer(TOWN).put("/api/v1/establishments/" + ids.get("establishment"),
                establishment(ids.get("establishment"), new Place(OTHER_TOWN, ids.get("village"), ids.get("grid"),
                        ids.get("unit")), "MAJOR"));
        assertThat(r.status()).isEqualTo(404);
        TestHttp.Response bind = townOfficer(TOWN).post("/api/v1/inspectors/" + ids.get("inspector") + "/bindings",
                Map.of("unitId", ids.get("unit")));
        assertThat(bind.status()).isEqualTo(404);
    }
}
