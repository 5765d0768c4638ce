package org.liuhua.kit.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service validates tokens itself, whoever calls its port directly (OWASP API2: broken authentication), and
 * authorizes actions by role (API5: broken function-level authorization).
 */
class ServiceTokenIT extends KitIntegrationTest {

    @LocalServerPort
    int port;

    TestHttp http() {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    static List<String> badTokens() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"liuhua-api\",\"sub\":\"x\","
                + "\"preferred_username\":\"city-admin\",\"exp\":" + (Instant.now().getEpochSecond() + 600)
                + ",\"realm_access\":{\"roles\":[\"CITY_ADMIN\"]}}");
        return List.of(
                header + "." + claims + ".",
                TestTokens.custom(b -> b.issuer("http://evil.example/realms/liuhua").subject("x")
                        .claim("realm_access", Map.of("roles", List.of("CITY_ADMIN")))),
                TestTokens.custom(b -> b.audience("account").subject("x")
                        .claim("realm_access", Map.of("roles", List.of("CITY_ADMIN")))),
                TestTokens.custom(b -> b.subject("x").issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                        .claim("realm_access", Map.of("roles", List.of("CITY_ADMIN")))),
                TestTokens.signedByOtherKey(b -> b.subject("x")
                        .claim("realm_access", Map.of("roles", List.of("CITY_ADMIN")))));
    }

    @ParameterizedTest(name = "[{index}] unsigned, wrong issuer, wrong audience, expired, foreign key → 401")
    @MethodSource("badTokens")
    void aBadTokenIsRefusedWith401ProblemJson(String token) {
        for (TestHttp.Response response : List.of(
                http().as(token).get("/api/v1/parcels/p-1"),
                http().as(token).post("/api/v1/parcels", Map.of("label", "x")),
                http().as(token).delete("/api/v1/parcels/p-1"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("type").asString()).endsWith("/unauthorized");
        }
    }

    @Test
    void noTokenIs401AndAValidTokenIsServedWithTheCallerFromIt() {
        assertThat(http().get("/api/v1/parcels/p-1").status()).isEqualTo(401);

        TestHttp.Response ok = http().as(TestTokens.user("town-officer", List.of(Roles.TOWN_OFFICER),
                Map.of(Caller.CLAIM_TOWN, "zjg-jinfeng"))).get("/api/v1/parcels/p-1");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("caller").asString()).isEqualTo("town-officer");
    }

    @Test
    void aFirmCallingAnAdminOnlyEndpointIsRefusedWith403() {
        String firm = TestTokens.client("demo-firm", List.of(Roles.THIRD_PARTY_FIRM));

        TestHttp.Response delete = http().as(firm).delete("/api/v1/parcels/p-1");
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.contentType()).startsWith("application/problem+json");
        assertThat(delete.json().path("type").asString()).endsWith("/forbidden");
        assertThat(http().as(firm).post("/api/v1/parcels", Map.of("label", "x")).status()).isEqualTo(403);

        String townOfficer = TestTokens.user("town-officer", Roles.TOWN_OFFICER);
        assertThat(http().as(townOfficer).delete("/api/v1/parcels/p-1").status()).isEqualTo(403);
        assertThat(http().as(TestTokens.user("city-admin", Roles.CITY_ADMIN)).delete("/api/v1/parcels/p-1")
                .status()).isEqualTo(204);
    }

    @Test
    void theServicesActuatorBeyondHealthNeedsCityAdmin() {
        assertThat(http().get("/actuator/health").status()).isNotIn(401, 403);
        assertThat(http().get("/actuator/env").status()).isEqualTo(401);
        assertThat(http().as(TestTokens.client("demo-firm", List.of(Roles.THIRD_PARTY_FIRM)))
                .get("/actuator/env").status()).isIn(403, 404);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
