package org.liuhua.kit.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's own port shows of its operations (OWASP API8, API9): the probes without a token, everything else
 * of the actuator only to a city admin; overall health is UP on the embedded store; the client's address is the one
 * the trusted proxy appended; the error page asked for directly is a 404.
 */
class OperationsEndpointsIT extends KitIntegrationTest {

    @LocalServerPort
    int port;

    TestHttp anonymous() {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    @Test
    void theProbesAnswerWithoutATokenAndOverallHealthIsUpOnTheEmbeddedStore() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/livez", "/readyz")) {
            TestHttp.Response response = anonymous().get(probe);
            assertThat(response.status()).as(probe + " " + response).isEqualTo(200);
            assertThat(response.json().path("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void metricsAndTheRestOfTheActuatorNeedACityAdminOnTheServicePort() {
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous().get("/actuator/info").status()).isEqualTo(401);
        assertThat(anonymous().get("/actuator/env").status()).isEqualTo(401);
        assertThat(anonymous().as(TestTokens.user("inspector", Roles.INSPECTOR)).get("/actuator/prometheus")
                .status()).isEqualTo(403);

        TestHttp.Response metrics = anonymous().as(TestTokens.user("city-admin", Roles.CITY_ADMIN))
                .send(anonymous().as(TestTokens.user("city-admin", Roles.CITY_ADMIN)).request("/actuator/prometheus")
                        .setHeader("Accept", "text/plain").GET());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"kit-test\"");
    }

    @Test
    void theClientAddressIsTheRightmostHopNoTrustedProxyAdded() {
        TestHttp admin = anonymous().as(TestTokens.user("city-admin", Roles.CITY_ADMIN));

        TestHttp.Response forged = admin.send(admin.request("/api/v1/probes/client")
                .header("X-Forwarded-For", "1.2.3.4, 5.6.7.8").GET());
        assertThat(forged.json().path("address").asString()).isEqualTo("5.6.7.8");

        TestHttp.Response direct = admin.get("/api/v1/probes/client");
        assertThat(direct.json().path("address").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void theErrorPageAskedForDirectlyIsA404WhateverTheMethod() {
        for (TestHttp.Response response : List.of(anonymous().get("/error"), anonymous().post("/error", "{}"),
                anonymous().delete("/error"), anonymous().get("/error?x=1"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
