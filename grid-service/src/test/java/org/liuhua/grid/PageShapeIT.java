package org.liuhua.grid;

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
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.web.PageQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list of grid-service reads {@code page}, {@code size} and {@code sort} the same way and answers the one page
 * shape; a sort field outside the list's whitelist, or a size over the maximum, is a 400 naming the parameter. The
 * lists are checked against the service's actual mappings (every GET taking a {@link PageQuery}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageShapeIT extends GridIT {

    static final List<String> LISTS = List.of(
            "/api/v1/towns",
            "/api/v1/villages",
            "/api/v1/grids",
            "/api/v1/patrol-units",
            "/api/v1/departments",
            "/api/v1/establishments",
            "/api/v1/establishments/update-proposals",
            "/api/v1/safety-officers",
            "/api/v1/inspectors",
            "/api/v1/patrols",
            "/api/v1/patrols/{patrol}/track",
            "/api/v1/clusters",
            "/api/v1/patrol-plan?inspectorId={inspector}&all=true",
            "/api/v1/patrol-plan/my-week",
            "/api/v1/inspectors/ranking?townId=" + TOWN,
            "/api/v1/staffing/gaps",
            "/api/v1/towns/{town}/staff",
            "/api/v1/departments/{department}/staff",
            "/api/v1/public/patrol-units/{unit}/grid-pairs");
    static final Set<String> PAGE_FIELDS = Set.of("items", "page", "size", "totalElements", "totalPages");

    final Map<String, String> ids = new HashMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeAll
    void aPatrolWithATrack() {
        Place place = place(TOWN, "GENERAL");
        registerEstablishment(place, "LOW");
        String inspector = registerInspector(place);
        String patrol = unique("patrol");
        ok(inspector(inspector).post("/api/v1/patrols", Map.of("id", patrol, "unitId", place.unitId(),
                "startedAt", Instant.now().toString())));
        ok(inspector(inspector).post("/api/v1/patrols/" + patrol + "/track", Map.of("batchId", "b1", "points",
                List.of(Map.of("lat", LAT, "lon", LON, "deviceTime", Instant.now().toString())))));
        ids.put("inspector", inspector);
        ids.put("patrol", patrol);
        ids.put("unit", place.unitId());
        ids.put("town", TOWN);
        ids.put("department", "dept-emergency");
    }

    List<String> lists() {
        return LISTS;
    }

    private String path(String list) {
        String path = list;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    /** The caller of a list: the city admin, or for the inspector's own weekly list the inspector. */
    private TestHttp caller(String list) {
        return list.contains("my-week") ? inspector(ids.get("inspector")) : admin();
    }

    private static String with(String path, String parameters) {
        return path + (path.contains("?") ? "&" : "?") + parameters;
    }

    @ParameterizedTest
    @MethodSource("lists")
    void aListAnswersOnePageOfTheAskedSize(String list) {
        TestHttp.Response page = caller(list).get(with(path(list), "size=1"));
        assertThat(page.status()).as(list + " → " + page).isEqualTo(200);
        JsonNode body = page.json();
        Set<String> fields = new TreeSet<>();
        body.propertyNames().forEach(fields::add);
        assertThat(fields).as(list).containsAll(PAGE_FIELDS);
        assertThat(body.get("page").asInt()).isZero();
        assertThat(body.get("size").asInt()).isEqualTo(1);
        assertThat(body.get("items").size()).as(list).isLessThanOrEqualTo(1);
        assertThat(body.get("totalPages").asLong()).as(list).isEqualTo(body.get("totalElements").asLong());
    }

    @ParameterizedTest
    @MethodSource("lists")
    void aSortOutsideTheWhitelistOrASizeOverTheMaximumIsA400NamingTheParameter(String list) {
        TestHttp.Response badSort = caller(list).get(with(path(list), "sort=no_such_field,desc"));
        assertThat(badSort.status()).as(list + " → " + badSort).isEqualTo(400);
        assertThat(badSort.contentType()).startsWith("application/problem+json");
        assertThat(badSort.json().get("errors").findValuesAsString("field")).containsExactly("sort");
        // issue 13: a NUL and a path into an embedded document were answered 500
        for (String sort : List.of("%00", "officers.name,desc", "name%00,asc")) {
            TestHttp.Response refused = caller(list).get(with(path(list), "sort=" + sort));
            assertThat(refused.status()).as(list + " sort=" + sort + " → " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("sort");
        }
        TestHttp.Response tooLarge = caller(list).get(with(path(list), "size=" + (PageQuery.MAX_SIZE + 1)));
        assertThat(tooLarge.status()).as(list + " → " + tooLarge).isEqualTo(400);
        assertThat(tooLarge.json().get("errors").findValuesAsString("field")).containsExactly("size");
        TestHttp.Response badPage = caller(list).get(with(path(list), "page=-1"));
        assertThat(badPage.status()).as(list + " → " + badPage).isEqualTo(400);
        assertThat(badPage.json().get("errors").findValuesAsString("field")).containsExactly("page");
    }

    @Test
    void everyListOfTheServiceIsCovered() {
        Set<String> actual = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean paged = List.of(method.getMethodParameters()).stream()
                    .anyMatch(p -> PageQuery.class.equals(p.getParameterType()));
            if (paged && info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                info.getPatternValues().forEach(p -> actual.add(p.replaceAll("\\{[A-Za-z]+}", "{id}")));
            }
        });
        Set<String> covered = new TreeSet<>();
        for (String list : LISTS) {
            String path = list.contains("?") ? list.substring(0, list.indexOf('?')) : list;
            covered.add(path.replaceAll("\\{[A-Za-z]+}", "{id}"));
        }
        assertThat(covered).isEqualTo(actual);
    }
}
