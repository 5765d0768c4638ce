package org.liuhua.e2e.owasp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API7:2023 Server Side Request Forgery. Evidence and photos are uploaded as files, never as links; the one
 * address a client gives that a service calls is a third-party firm's webhook endpoint (hazard-service), guarded:
 * HTTPS only, no loopback, private, link-local (cloud metadata) or otherwise internal address, checked again before
 * every attempt, no redirects followed. This test reads every input schema of every OpenAPI document and fails when
 * an operation starts to accept an address (format uri/url, or a property named like one) that is not in
 * {@link #GUARDED}, and probes the webhook's guard through the gateway.
 */
class Api7ServerSideRequestForgeryE2EIT {

    static final Pattern ADDRESS_LIKE = Pattern.compile("(?i).*(url|uri|href|link|callback|webhook|endpoint)$");
    /** service → schema.property of inputs that take an address and are guarded (each with its probe below). */
    static final List<String> GUARDED = List.of("hazard-service:WebhookRequest.url");

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

    @Test
    void aFirmCannotPointItsWebhookAtAnInternalAddress() {
        org.liuhua.kit.test.TestHttp firm = org.liuhua.e2e.RunningPlatform.gatewayAs(
                org.liuhua.e2e.RunningPlatform.clientToken("demo-firm", "demo-firm-secret"));
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/latest/",
                "https://127.0.0.1:8082/api/v1/hazards", "https://10.1.2.3/hook", "https://192.168.1.10/hook",
                "https://[::1]/hook", "http://hooks.example.com/liuhua", "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_INFO")) {
            org.liuhua.kit.test.TestHttp.Response answer = firm.put("/api/v1/firms/demo-firm/webhook",
                    Map.of("url", url, "secret", "a-secret-of-32-characters-------"));
            Probes.assertProblem(answer, 400);
            Probes.assertNames(answer, "url");
        }
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
