package org.liuhua.kit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A list endpoint of the test service taking {@link PageQuery}: the parameters as a client sends them. */
class PageQueryIT extends KitIntegrationTest {

    @LocalServerPort
    int port;

    TestHttp api() {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("reader", Roles.COCKPIT_VIEWER));
    }

    TestHttp.Response refused(String query, String parameter) {
        TestHttp.Response response = api().get("/api/v1/parcels?" + query);
        assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(parameter);
        return response;
    }

    @Test
    void aListAnswersTheOnePageShapeSortedAndSlicedAsAsked() {
        String label = "paged-" + UUID.randomUUID();
        for (int sent = 1; sent <= 3; sent++) {
            TestHttp.Response created = api().as(TestTokens.user("clerk", Roles.CITY_ADMIN))
                    .post("/api/v1/parcels/stored", java.util.Map.of("label", label, "sent", sent));
            assertThat(created.status()).isEqualTo(201);
        }

        JsonNode first = api().get("/api/v1/parcels?label=" + label + "&size=2&sort=sent,asc").json();
        assertThat(sent(first)).containsExactly(1, 2);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("totalElements").asLong()).isEqualTo(3);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(sent(api().get("/api/v1/parcels?label=" + label + "&size=2&page=1&sort=sent,asc").json()))
                .containsExactly(3);
        assertThat(sent(api().get("/api/v1/parcels?label=" + label).json())).as("the default order")
                .containsExactly(3, 2, 1);
        assertThat(api().get("/api/v1/parcels?label=" + label).json().path("size").asInt())
                .isEqualTo(PageQuery.DEFAULT_SIZE);
    }

    @Test
    void badPagingParametersAreA400NamingTheParameter() {
        refused("size=201", "size");
        refused("size=0", "size");
        refused("page=-1", "page");
        refused("page=first", "page");
        refused("sort=outbox,desc", "sort");
        refused("sort=sent,upwards", "sort");
    }

    @Test
    void controlCharactersInSortArea400NotA500() {
        TestHttp.Response response = refused("sort=sent%00,desc", "sort");

        assertThat(response.body()).doesNotContain("\\u0000");
        refused("sort=%00", "sort");
        refused("page=%00", "page");
    }

    @Test
    void aPageSoFarThatItsOffsetOverflowsIsA400() {
        refused("page=2147483647&size=200", "page");
        refused("page=10737419&size=200", "page");
    }

    private static List<Integer> sent(JsonNode page) {
        List<Integer> sent = new ArrayList<>();
        page.path("items").forEach(item -> sent.add(item.path("sent").asInt()));
        return sent;
    }
}
