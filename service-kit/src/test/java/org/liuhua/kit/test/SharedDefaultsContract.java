package org.liuhua.kit.test;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.security.Roles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service gets from the kit, checked on a service's own Spring context: probes open and overall health UP,
 * metrics (tagged with the application) only with a city admin's token, every API path behind a valid token, every error answer the kit's problem+json with its
 * type and the trace id (also Spring's own 404 and 405 and the {@code /error} page). A service's smoke test extends
 * this and registers its infrastructure with {@link ServiceTestSupport}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class SharedDefaultsContract {

    @LocalServerPort
    protected int port;

    /** The service's {@code spring.application.name}. */
    protected abstract String applicationName();

    @Test
    void runsWithTheSharedDefaults() {
        TestHttp anonymous = new TestHttp("http://127.0.0.1:" + port);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
        assertThat(anonymous.get("/livez").status()).isEqualTo(200);
        TestHttp.Response health = anonymous.get("/actuator/health");
        assertThat(health.json().path("status").asString()).as("overall health, the store included: " + health)
                .isEqualTo("UP");
        // metrics on the service's own port only with a token (a management port, when set, is open)
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        TestHttp admin = anonymous.as(TestTokens.user("city-admin", Roles.CITY_ADMIN));
        assertThat(admin.send(admin.request("/actuator/prometheus").setHeader("Accept", "text/plain").GET())
                .body()).contains("application=\"" + applicationName() + "\"");
        // the first document of a large service is generated on this request: give it time on a busy machine
        assertThat(anonymous.send(anonymous.request("/v3/api-docs").timeout(java.time.Duration.ofMinutes(2)).GET())
                .status()).isEqualTo(200);

        TestHttp.Response unauthorized = anonymous.get("/api/v1/anything");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");
        assertKitProblem(unauthorized, "unauthorized");

        TestHttp.Response unknown = anonymous.as(TestTokens.user("city-admin", Roles.CITY_ADMIN))
                .get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertKitProblem(unknown, "not-found");
    }

    @Test
    void everyErrorAnswerIsTheKitsProblemWithItsTraceId() {
        TestHttp anonymous = new TestHttp("http://127.0.0.1:" + port);

        TestHttp.Response wrongMethod = anonymous.delete("/actuator/health");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertKitProblem(wrongMethod, "method-not-allowed");

        TestHttp.Response errorPage = anonymous.get("/error");
        assertThat(errorPage.status()).isEqualTo(404);
        assertKitProblem(errorPage, "not-found");
    }

    private static void assertKitProblem(TestHttp.Response response, String type) {
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://liuhua.org/problems/" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(response.status());
        assertThat(response.json().path("traceId").asString()).isNotBlank().isEqualTo(response.header("X-Trace-Id"));
    }
}
