package org.liuhua.kit.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.test.TestHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document a service serves is accurate for those who code against it: the gateway as server, the
 * bearer scheme where a token is needed, every problem answer documented, the real success status, paging as
 * query parameters and nullable properties not required.
 */
class ApiDocumentIT extends KitIntegrationTest {

    @LocalServerPort
    int port;

    /** Built once: the document is the same for every test of the class. */
    static JsonNode api;

    @BeforeEach
    void load() {
        if (api == null) {
            api = new TestHttp("http://127.0.0.1:" + port).get("/v3/api-docs").json();
        }
    }

    JsonNode operation(String path, String method) {
        return api.path("paths").path(path).path(method);
    }

    @Test
    void theServerIsTheGatewayNotTheServicesOwnAddress() {
        assertThat(api.at("/servers/0/url").asString()).isEqualTo("http://localhost:8080");
        assertThat(api.path("servers")).hasSize(1);
    }

    @Test
    void operationsNeedABearerTokenExceptThePublicOnes() {
        assertThat(api.at("/components/securitySchemes/bearer-jwt/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/components/securitySchemes/bearer-jwt/bearerFormat").asString()).isEqualTo("JWT");
        assertThat(operation("/api/v1/parcels/{id}", "get").at("/security/0").has("bearer-jwt")).isTrue();

        JsonNode open = operation("/api/v1/public/probes/dated", "post");
        assertThat(open.path("security").isEmpty()).as(open.path("security").toString()).isTrue();
        assertThat(open.path("responses").has("401")).isFalse();
    }

    @Test
    void everyOperationDocumentsItsProblemAnswers() {
        JsonNode get = operation("/api/v1/parcels/{id}", "get").path("responses");
        assertThat(names(get)).contains("200", "400", "401", "403", "404", "429").doesNotContain("500", "413");
        assertThat(get.at("/404/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");

        JsonNode post = operation("/api/v1/parcels", "post");
        assertThat(names(post.path("responses"))).contains("400", "401", "403", "409", "413", "422", "429")
                .doesNotContain("404");
        assertThat(post.path("parameters").toString()).contains("Idempotency-Key");

        JsonNode problem = api.at("/components/schemas/Problem");
        assertThat(names(problem.path("properties"))).contains("type", "title", "status", "detail", "traceId",
                "errors");
    }

    @Test
    void theStandardAnswersOfTheKitAreDeclaredWhereTheyCanOccur() {
        assertThat(names(operation("/api/v1/probes/csv", "get").path("responses")))
                .as("406 where an answer has a body, 503 everywhere").contains("406", "503");
        assertThat(names(operation("/api/v1/parcels", "post").path("responses")))
                .as("a body is read").contains("408", "413", "415");
        JsonNode planned = operation("/api/v1/probes/planned", "post").path("responses");
        assertThat(names(planned)).as("a body naming another object").contains("404");
        assertThat(planned.at("/404/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theRolesThatMayCallAnOperationAreListed() {
        JsonNode guarded = operation("/api/v1/probes/guarded", "post");
        assertThat(guarded.path(ApiDocsConfiguration.ROLES).toString()).isEqualTo("[\"CITY_ADMIN\"]");
        assertThat(guarded.path("description").asString()).contains("Roles: CITY_ADMIN");
        assertThat(operation("/api/v1/probes/sync", "post").has(ApiDocsConfiguration.ROLES)).isFalse();
    }

    @Test
    void aDateBoundToOneSideOfTodaySaysSo() {
        JsonNode planned = api.at("/components/schemas/Planned/properties");
        assertThat(planned.at("/due/" + ApiDocsConfiguration.DATE_BOUND).asString()).isEqualTo("future-or-present");
        assertThat(planned.at("/noticedAt/" + ApiDocsConfiguration.DATE_BOUND).asString())
                .isEqualTo("past-or-present");
    }

    @Test
    void aCreatingOperationDocuments201() {
        JsonNode responses = operation("/api/v1/parcels", "post").path("responses");
        assertThat(names(responses)).contains("201").doesNotContain("200");
    }

    @Test
    void pagingIsThreeOptionalQueryParameters() {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation("/api/v1/parcels", "get").path("parameters")) {
            names.add(parameter.path("name").asString());
            assertThat(parameter.path("required").asBoolean(false)).isFalse();
        }
        assertThat(names).contains("page", "size", "sort").doesNotContain("pageable", "pageQuery");
    }

    @Test
    void propertiesThatMayBeNullAreNeitherRequiredNorNonNullable() {
        JsonNode dated = api.at("/components/schemas/Dated");
        assertThat(dated.path("required").toString()).contains("title").doesNotContain("deadline");
        JsonNode deadline = dated.at("/properties/deadline");
        assertThat(deadline.toString()).as(deadline.toString()).satisfiesAnyOf(
                d -> assertThat(deadline.path("nullable").asBoolean(false)).isTrue(),
                d -> assertThat(deadline.path("type").toString()).contains("null"));
        JsonNode title = dated.at("/properties/title");
        assertThat(title.toString()).doesNotContain("null");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
