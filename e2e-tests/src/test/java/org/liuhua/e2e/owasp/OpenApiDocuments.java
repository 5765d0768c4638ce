package org.liuhua.e2e.owasp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liuhua.kit.test.TestHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's OpenAPI document, read through the gateway as a firm's or an app builder's tooling reads it. */
final class OpenApiDocuments {

    static final List<String> SERVICES = List.of("grid-service", "hazard-service", "training-service",
            "manual-service", "reporting-service");

    private OpenApiDocuments() {
    }

    static Map<String, JsonNode> all() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : SERVICES) {
            TestHttp.Response document = Probes.admin().get("/api-docs/" + service);
            assertThat(document.status()).as(service + " " + document).isEqualTo(200);
            documents.put(service, document.json());
        }
        return documents;
    }
}
