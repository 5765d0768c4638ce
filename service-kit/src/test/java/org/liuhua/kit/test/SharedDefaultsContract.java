package org.liuhua.kit.test;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.security.Roles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service gets from the kit, checked on a service's own Spring context: probes and metrics open (tagged
 * with the application), every API path behind a valid token, errors as problem+json. A service's smoke test
 * extends this and registers its infrastructure with {@link ServiceTestSupport}.
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
        assertThat(anonymous.send(anonymous.request("/actuator/prometheus").setHeader("Accept", "text/plain").GET())
                .body()).contains("application=\"" + applicationName() + "\"");
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);

        TestHttp.Response unauthorized = anonymous.get("/api/v1/anything");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");

        TestHttp.Response unknown = anonymous.as(TestTokens.user("city-admin", Roles.CITY_ADMIN))
                .get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
