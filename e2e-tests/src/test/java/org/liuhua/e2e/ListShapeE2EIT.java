package org.liuhua.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list endpoint of every service answers the one page shape through the gateway. The lists are found in the
 * services' own OpenAPI documents (served through the gateway), so a new list endpoint is covered without editing
 * this test: each GET whose answer is a {@code PageResponse…} schema is called as the city administrator and must
 * answer {@code items, page, size, totalElements, totalPages}, honour {@code size}, and refuse an unknown sort field
 * with a 400 naming {@code sort}. No GET collection endpoint answers a bare JSON array.
 */
class ListShapeE2EIT {

    static final List<String> SERVICES = List.of("grid-service", "hazard-service", "reporting-service",
            "training-service", "manual-service");
    static final Set<String> PAGE_FIELDS = Set.of("items", "page", "size", "totalElements", "totalPages");

    record ListOperation(String service, String path, boolean hasRequiredParameters) {
    }

    @Test
    void everyListEndpointAnswersTheSamePageShape() {
        TestHttp admin = RunningPlatform.gateway();
        List<ListOperation> lists = new ArrayList<>();
        Set<String> bareArrays = new TreeSet<>();
        for (String service : SERVICES) {
            TestHttp.Response document = admin.get("/api-docs/" + service);
            assertThat(document.status()).as(service + " OpenAPI document " + document).isEqualTo(200);
            JsonNode paths = document.json().get("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                JsonNode get = path.getValue().get("get");
                if (get == null || path.getKey().contains("{") || !path.getKey().startsWith("/api/")) {
                    continue;
                }
                JsonNode schema = get.at("/responses/200/content").isMissingNode() ? null
                        : firstSchema(get.at("/responses/200/content"));
                if (schema == null) {
                    continue;
                }
                if ("array".equals(schema.path("type").asString(""))) {
                    bareArrays.add(service + " GET " + path.getKey());
                }
                if (schema.path("$ref").asString("").contains("/PageResponse")) {
                    boolean required = false;
                    for (JsonNode parameter : get.path("parameters")) {
                        required |= parameter.path("required").asBoolean(false)
                                && "query".equals(parameter.path("in").asString(""));
                    }
                    lists.add(new ListOperation(service, path.getKey(), required));
                }
            }
        }
        assertThat(bareArrays).as("GET endpoints answering a bare array instead of a page").isEmpty();
        List<ListOperation> callable = lists.stream().filter(l -> !l.hasRequiredParameters()).toList();
        System.out.printf("list endpoints: %d in the OpenAPI documents, %d called without parameters%n",
                lists.size(), callable.size());
        assertThat(callable).as("list endpoints found").hasSizeGreaterThanOrEqualTo(12);

        for (ListOperation list : callable) {
            String label = list.service() + " GET " + list.path();
            TestHttp.Response page = admin.get(list.path() + "?size=1");
            assertThat(page.status()).as(label + " " + page).isEqualTo(200);
            Set<String> fields = new TreeSet<>();
            page.json().propertyNames().forEach(fields::add);
            assertThat(fields).as(label + " fields").isEqualTo(new TreeSet<>(PAGE_FIELDS));
            assertThat(page.json().get("size").asInt()).as(label + " size").isEqualTo(1);
            assertThat(page.json().get("items").size()).as(label + " items").isLessThanOrEqualTo(1);
            assertThat(page.json().get("totalPages").asLong()).as(label + " totalPages")
                    .isEqualTo(page.json().get("totalElements").asLong());

            TestHttp.Response badSort = admin.get(list.path() + "?sort=no_such_field");
            assertThat(badSort.status()).as(label + " unknown sort " + badSort).isEqualTo(400);
            assertThat(badSort.contentType()).as(label).startsWith("application/problem+json");
            assertThat(badSort.json().get("errors").findValuesAsString("field")).as(label).contains("sort");

            TestHttp.Response tooLarge = admin.get(list.path() + "?size=1000000");
            assertThat(tooLarge.status()).as(label + " size over the maximum " + tooLarge).isEqualTo(400);
            assertThat(tooLarge.json().get("errors").findValuesAsString("field")).as(label).contains("size");
        }
    }

    private static JsonNode firstSchema(JsonNode content) {
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            JsonNode schema = media.getValue().get("schema");
            if (schema != null) {
                return schema;
            }
        }
        return null;
    }
}
