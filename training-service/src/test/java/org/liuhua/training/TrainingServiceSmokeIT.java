package org.liuhua.training;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.ServiceTestSupport;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * training-service has no domain features yet; it still runs with the platform's defaults: probes and metrics open,
 * every API path behind a valid token, errors as problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TrainingServiceSmokeIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "training-it");
    }

    @LocalServerPort
    int port;

    @Test
    void runsWithTheSharedDefaults() {
        TestHttp anonymous = new TestHttp("http://127.0.0.1:" + port);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.send(anonymous.request("/actuator/prometheus").setHeader("Accept", "text/plain").GET())
                .body()).contains("application=\"training-service\"");

        TestHttp.Response unauthorized = anonymous.get("/api/v1/anything");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");

        TestHttp.Response unknown = anonymous.as(TestTokens.user("city-admin", Roles.CITY_ADMIN))
                .get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
