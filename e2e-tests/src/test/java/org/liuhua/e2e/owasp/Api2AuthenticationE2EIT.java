package org.liuhua.e2e.owasp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.e2e.RunningPlatform;
import org.liuhua.kit.test.TestHttp;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API2:2023 Broken Authentication. Only tokens the realm signed are accepted, at the gateway and again at
 * every service (a request that bypasses the gateway meets the same check): no token, a forged token, a token whose
 * claims were altered after signing, and a token that is not a JWT at all are each 401 problem+json.
 */
class Api2AuthenticationE2EIT {

    static final List<String> SERVICES = List.of("grid-service", "hazard-service", "training-service",
            "manual-service", "reporting-service");
    static final String PATH = "/api/v1/audit";

    @Test
    void forgedTamperedAndMissingTokensAreRefusedAtTheGatewayAndAtEveryService() {
        String real = RunningPlatform.cityAdminToken();
        List<String> refused = List.of(forged(), tampered(real), "not-a-jwt", "");
        for (String token : refused) {
            TestHttp.Response gateway = new TestHttp(RunningPlatform.get().gatewayUrl(), token.isEmpty() ? null : token)
                    .get("/api/v1/hazards");
            Probes.assertProblem(gateway, 401);
            for (String service : SERVICES) {
                TestHttp.Response direct = new TestHttp(RunningPlatform.get().service(service).baseUrl(),
                        token.isEmpty() ? null : token).get("/api/v1/does-not-matter");
                assertThat(direct.status()).as(service + " " + direct).isEqualTo(401);
            }
        }
        assertThat(RunningPlatform.gatewayAs(real).get("/api/v1/hazards").status()).isEqualTo(200);
    }

    @Test
    void aSignedTokenWhoseRolesWereEditedIsRefused() {
        String inspector = RunningPlatform.userToken("inspector");
        String promoted = withPayload(inspector, payload -> payload.putObject("realm_access").putArray("roles")
                .add("CITY_ADMIN"));
        Probes.assertProblem(RunningPlatform.gatewayAs(promoted).get("/api/v1/audit"), 401);
        Probes.assertProblem(RunningPlatform.gatewayAs(inspector).get("/api/v1/audit"), 403);
    }

    /** A well-formed RS256 JWT with the realm's issuer and a city admin's roles, signed by nobody. */
    static String forged() {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}");
        String issuer = RunningPlatform.get().identity().tokenUrl().replace("/protocol/openid-connect/token", "");
        String payload = b64("{\"iss\":\"" + issuer + "\",\"sub\":\"mallory\",\"exp\":4102444800,"
                + "\"realm_access\":{\"roles\":[\"CITY_ADMIN\"]}}");
        return header + "." + payload + "." + b64("not a signature");
    }

    static String tampered(String token) {
        return withPayload(token, payload -> payload.put("sub", "mallory"));
    }

    static String withPayload(String token, java.util.function.Consumer<ObjectNode> edit) {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) TestHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        edit.accept(payload);
        return parts[0] + "." + b64(payload.toString()) + "." + parts[2];
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
