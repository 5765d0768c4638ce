package org.liuhua.e2e.owasp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API7:2023 Server Side Request Forgery. No Liuhua service fetches a resource whose address a client supplies:
 * evidence and photos are uploaded as files, never as links. This test reads every input schema of every OpenAPI
 * document and fails when an operation starts to accept an address (format uri/url, or a property named like one),
 * so that such an operation cannot arrive without its SSRF guard (an allow-list of schemes and hosts, no private
 * ranges, no redirects) and a test for it added to {@link #GUARDED}.
 */
class Api7ServerSideRequestForgeryE2EIT {

    static final Pattern ADDRESS_LIKE = Pattern.compile("(?i).*(url|uri|href|link|callback|webhook|endpoint)$");
    /** service → schema.property of inputs that take an address and are guarded; none today. */
    static final List<String> GUARDED = List.of();

    @Test
    void noOperationTakesAnAddressTheServerWouldFetch() {
        List<String> addressInputs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> document : OpenApiDocuments.all().entrySet()) {
            JsonNode schemas = document.getValue().path("components").path("schemas");
            List<String> inputs = inputSchemas(document.getValue());
            for (String schema : inputs) {
                JsonNode properties = schemas.path(schema).path("properties");
                for (String property : properties.propertyNames()) {
                    JsonNode p = properties.path(property);
                    String format = p.path("format").asString("");
                    if (ADDRESS_LIKE.matcher(property).matches() || format.equals("uri") || format.equals("url")) {
                        addressInputs.add(document.getKey() + ":" + schema + "." + property);
                    }
                }
            }
            for (JsonNode path : document.getValue().path("paths")) {
                for (JsonNode operation : path) {
                    for (JsonNode parameter : operation.path("parameters")) {
                        if (ADDRESS_LIKE.matcher(parameter.path("name").asString("")).matches()) {
                            addressInputs.add(document.getKey() + ":" + parameter.path("name").asString());
                        }
                    }
                }
            }
        }
        assertThat(addressInputs).containsExactlyInAnyOrderElementsOf(GUARDED);
    }

    /** Names of the component schemas used as request bodies (directly or as array items). */
    static List<String> inputSchemas(JsonNode document) {
        List<String> names = new ArrayList<>();
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                for (JsonNode media : operation.path("requestBody").path("content")) {
                    collect(media.path("schema"), document, names);
                }
            }
        }
        return names;
    }

    private static void collect(JsonNode schema, JsonNode document, List<String> names) {
        String ref = schema.path("$ref").asString("");
        if (schema.has("items")) {
            collect(schema.path("items"), document, names);
        }
        if (ref.startsWith("#/components/schemas/")) {
            String name = ref.substring("#/components/schemas/".length());
            if (!names.contains(name)) {
                names.add(name);
                for (JsonNode property : document.path("components").path("schemas").path(name).path("properties")) {
                    collect(property, document, names);
                }
            }
        }
    }
}
