package org.liuhua.hazard.hazard;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.test.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hazard-service's report flow (HTTP in → document with outbox → event out) against real MongoDB and Kafka images.
 * Runs wherever a Docker engine is available; skipped with "Docker is not available" elsewhere, where
 * {@link ReportHazardIT} covers the same flow against the stand-in and an in-process broker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportHazardContainersIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "hazard");
    }

    @LocalServerPort
    int port;

    @Test
    void aReportedHazardIsStoredAndPublished() {
        TestHttp api = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("city-admin", Roles.CITY_ADMIN));
        TestHttp.Response created = api.post("/api/v1/hazards", Map.of("establishmentId", "est-jinfeng-0001",
                "townId", "zjg-jinfeng", "category", "ELECTRICAL", "source", "LAW_ENFORCEMENT",
                "description", "配电箱未接地"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.bootstrapServers(), Topics.HAZARD)) {
            assertThat(probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }
}
