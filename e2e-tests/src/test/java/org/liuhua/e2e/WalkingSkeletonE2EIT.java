package org.liuhua.e2e;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The walking skeleton through the gateway: report a hazard, see it counted by reporting-service. */
class WalkingSkeletonE2EIT {

    @Test
    void aHazardPostedThroughTheGatewayIsCountedInTheOverview() {
        TestHttp api = RunningPlatform.gateway();
        TestHttp.Response health = new TestHttp(RunningPlatform.get().gatewayUrl()).get("/readyz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        long before = Hazards.total(api);
        Hazards.report(api, "walking skeleton: 疏散通道堵塞");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Hazards.total(api) == before + 1);
    }

    @Test
    void theTraceIdOfTheRequestFollowsTheEventIntoTheConsumersLog() throws Exception {
        String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        TestHttp.Response created = RunningPlatform.gateway().post("/api/v1/hazards",
                Hazards.newHazard("trace me"), Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        java.nio.file.Path log = RunningPlatform.get().service("reporting-service").logFile();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> java.nio.file.Files.readString(log).contains(traceId));
        assertThat(java.nio.file.Files.readAllLines(log)).anySatisfy(line ->
                assertThat(line).contains(traceId).contains("counted hazard " + created.json().get("id").asString()));
    }

    @Test
    void aMalformedRequestGets400NamingTheFieldAndAnUnknownPath404() {
        TestHttp api = RunningPlatform.gateway();
        TestHttp.Response malformed = api.post("/api/v1/hazards", Map.of("establishmentId", "est-1",
                "townId", "zjg-jinfeng", "category", "FIRE_SAFETY", "source", "GRID_PATROL"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("errors").findValuesAsString("field")).contains("description");

        TestHttp.Response unknown = api.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aStoppedServiceAnswers503ProblemJsonFromTheGatewayWithinItsTimeout() {
        TestHttp api = RunningPlatform.gateway();
        var training = RunningPlatform.get().service("training-service");
        training.stop();
        try {
            long started = System.nanoTime();
            TestHttp.Response response = api.get("/api/v1/training/staff");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("service").asString()).isEqualTo("training-service");
            assertThat(took).as("answered instead of hanging").isLessThan(Duration.ofSeconds(20));
        } finally {
            training.start();
            training.awaitReady(Duration.ofSeconds(120));
        }
    }
}
