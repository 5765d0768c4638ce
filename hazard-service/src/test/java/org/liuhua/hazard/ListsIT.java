package org.liuhua.hazard;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list endpoint of hazard-service answers the kit's one page shape and reads {@code page}, {@code size} and
 * {@code sort} the same way: a sort field outside the list's whitelist or a size above the maximum is a 400 naming
 * the parameter.
 */
class ListsIT extends HazardIT {

    record Listing(String path, String caller) {
        @Override
        public String toString() {
            return path;
        }
    }

    static List<Listing> lists() {
        return List.of(new Listing("/api/v1/hazards", "admin"),
                new Listing("/api/v1/hazards/ledger?establishmentId=est-jinfeng-0001", "admin"),
                new Listing("/api/v1/hazards/major-register", "admin"),
                new Listing("/api/v1/contracts", "admin"),
                new Listing("/api/v1/public-reports", "town"),
                new Listing("/api/v1/rewards", "town"));
    }

    TestHttp caller(Listing list) {
        Supplier<TestHttp> http = list.caller().equals("town") ? () -> townOfficer(JINFENG) : this::admin;
        return http.get();
    }

    static String with(String path, String parameter) {
        return path + (path.contains("?") ? "&" : "?") + parameter;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void answersTheOnePageShape(Listing list) {
        TestHttp.Response page = caller(list).get(with(list.path(), "page=0&size=5"));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode json = page.json();
        assertThat(json.get("items").isArray()).as(page.toString()).isTrue();
        assertThat(json.get("page").asInt()).isZero();
        assertThat(json.get("size").asInt()).isEqualTo(5);
        assertThat(json.has("totalElements")).isTrue();
        assertThat(json.has("totalPages")).isTrue();
        assertThat(json.get("items").size()).isLessThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void refusesASortOutsideItsWhitelistAndASizeAboveTheMaximum(Listing list) {
        TestHttp.Response badSort = caller(list).get(with(list.path(), "sort=contact,asc"));
        assertThat(badSort.status()).as(badSort.toString()).isEqualTo(400);
        assertThat(badSort.contentType()).startsWith("application/problem+json");
        assertThat(badSort.json().get("errors").findValuesAsString("field")).containsExactly("sort");
        TestHttp.Response tooBig = caller(list).get(with(list.path(), "size=201"));
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").findValuesAsString("field")).containsExactly("size");
    }

    @Test
    void hazardListItemsAreSummariesWithoutHistoryCorroborationsEvidenceOrNamesAndEnterprisesSeeTheirOwn() {
        String est = unique("est-jinfeng");
        String id = report(est, JINFENG, "FIRE_SAFETY", "MAJOR", "GRID_PATROL");
        TestHttp.Response joined = admin2().post("/api/v1/hazards", java.util.Map.of("establishmentId", est,
                "townId", JINFENG, "category", "FIRE_SAFETY", "severity", "MAJOR", "source", "LAW_ENFORCEMENT",
                "description", "执法检查发现同一隐患"));
        assertThat(joined.json().get("outcome").asString()).as(joined.toString()).isEqualTo("JOINED");
        String other = report(unique("est-jinfeng"), JINFENG, "GAS", null, "GRID_PATROL");
        List<String> listings = List.of("/api/v1/hazards?establishmentId=" + est,
                "/api/v1/hazards/ledger?establishmentId=" + est,
                "/api/v1/hazards/major-register?townId=" + JINFENG + "&sort=reportedAt,desc&size=200");
        for (String path : listings) {
            JsonNode items = admin().get(path).json().get("items");
            JsonNode item = null;
            for (JsonNode candidate : items) {
                if (id.equals(candidate.get("id").asString())) {
                    item = candidate;
                }
            }
            assertThat(item).as(path).isNotNull();
            for (String detailOnly : List.of("history", "corroborations", "evidenceIds", "rectification",
                    "reportedBy", "reportedByName")) {
                assertThat(item.has(detailOnly)).as(path + " " + detailOnly).isFalse();
            }
            assertThat(item.get("reporterRole").asString()).isEqualTo("CITY_ADMIN");
        }
        assertThat(admin().get("/api/v1/hazards/" + id).json().get("corroborations").size()).isEqualTo(1);

        TestHttp enterprise = enterpriseOfficer(est);
        JsonNode own = enterprise.get("/api/v1/hazards?size=200").json();
        assertThat(own.get("items").findValuesAsString("establishmentId")).containsOnly(est);
        assertThat(own.get("items").findValuesAsString("id")).contains(id).doesNotContain(other);
        assertThat(own.toString()).doesNotContain("city-admin");
        assertThat(enterprise.get("/api/v1/hazards/" + other).status()).isEqualTo(404);
    }

    @Test
    void controlCharactersAndOverlongValuesInFiltersAnswerAsAnyUnknownValueNeverA5xx() {
        String nul = "%00";
        String longValue = "x".repeat(5000);
        for (String path : List.of("/api/v1/hazards?category=" + nul + "&townId=a" + nul + "b",
                "/api/v1/hazards?establishmentId=" + longValue,
                "/api/v1/hazards/ledger?establishmentId=" + nul,
                "/api/v1/hazards/major-register?townId=" + nul,
                "/api/v1/hazards/interviews?establishmentId=" + nul,
                "/api/v1/contracts?firmId=" + nul)) {
            TestHttp.Response answer = admin().get(path);
            assertThat(answer.status()).as(path + " " + answer).isLessThan(500);
        }
        TestHttp.Response reports = townOfficer(JINFENG).get("/api/v1/public-reports?state=" + nul);
        assertThat(reports.status()).as(reports.toString()).isLessThan(500);
    }
}
