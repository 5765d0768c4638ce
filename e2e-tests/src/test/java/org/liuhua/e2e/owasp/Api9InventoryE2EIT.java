package org.liuhua.e2e.owasp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.e2e.RunningPlatform;
import org.liuhua.kit.test.TestHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API9:2023 Improper Inventory Management. The OpenAPI documents are the inventory: every documented path is
 * versioned, reachable through the gateway, and the documents send clients to the gateway rather than around it;
 * every operation declares how it is secured and how it fails.
 */
class Api9InventoryE2EIT {

    @Test
    void everyDocumentedCollectionIsRoutedByTheGatewayAndNothingPointsAroundIt() {
        List<String> unrouted = new ArrayList<>();
        int probed = 0;
        for (Map.Entry<String, JsonNode> document : OpenApiDocuments.all().entrySet()) {
            String service = document.getKey();
            String servicePort = ":" + java.net.URI.create(RunningPlatform.get().service(service).baseUrl()).getPort();
            for (JsonNode server : document.getValue().path("servers")) {
                assertThat(server.path("url").asString()).as(service + " servers").doesNotContain(servicePort);
            }
            JsonNode paths = document.getValue().path("paths");
            for (String path : paths.propertyNames()) {
                assertThat(path).as(service).matches("/(api/v1|cockpit|m)(/.*)?");
                JsonNode get = paths.path(path).path("get");
                // operators' calls on the service itself (the rebuild) are deliberately not routed; streams never end
                if (get.isMissingNode() || path.contains("{") || path.startsWith("/api/v1/admin/")
                        || path.endsWith("/stream")) {
                    continue;
                }
                TestHttp.Response response = Probes.admin().get(path);
                probed++;
                if (response.status() >= 500 || response.status() == 404
                        && RunningPlatform.direct(service).get(path).status() != 404) {
                    unrouted.add(service + " GET " + path + " → " + response.status());
                }
            }
        }
        System.out.println("API9: probed " + probed + " documented collection paths through the gateway");
        assertThat(probed).isGreaterThan(30);
        assertThat(unrouted).isEmpty();
    }

    @Test
    void everyOperationDeclaresItsSecurityAndItsErrors() {
        List<String> undeclared = new ArrayList<>();
        for (Map.Entry<String, JsonNode> document : OpenApiDocuments.all().entrySet()) {
            JsonNode root = document.getValue();
            assertThat(root.path("components").path("securitySchemes").size()).as(document.getKey()).isPositive();
            for (String path : root.path("paths").propertyNames()) {
                for (String method : root.path("paths").path(path).propertyNames()) {
                    JsonNode operation = root.path("paths").path(path).path(method);
                    boolean anyError = false;
                    for (String status : operation.path("responses").propertyNames()) {
                        anyError |= status.startsWith("4");
                    }
                    boolean isPublic = path.startsWith("/api/v1/public/") || path.startsWith("/cockpit");
                    boolean secured = !operation.path("security").isMissingNode() || root.has("security");
                    if (!anyError || (!isPublic && !secured)) {
                        undeclared.add(document.getKey() + " " + method.toUpperCase() + " " + path);
                    }
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }
}
