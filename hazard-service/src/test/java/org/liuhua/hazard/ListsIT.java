package org.liuhua.hazard;

import java.util.List;
import java.util.function.Supplier;

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
}
