package org.liuhua.reporting.hazards;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.EventTypes;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.ServiceTestSupport;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Event in → read model → cockpit figure, against the real embedded broker; duplicates are applied once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class HazardFactsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "reporting-it");
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    TestHttp api(String role) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("someone", role));
    }

    long total() {
        return api(Roles.COCKPIT_VIEWER).get("/api/v1/stats/overview").json().get("hazards").get("total").asLong();
    }

    @Test
    void aReportedHazardIsCountedOnceEvenWhenItsEventArrivesTwice() throws Exception {
        long before = total();
        String hazardId = UUID.randomUUID().toString();
        CloudEvent event = reported(hazardId);
        kafka.send(new ProducerRecord<>(Topics.HAZARD, hazardId, event)).get();
        kafka.send(new ProducerRecord<>(Topics.HAZARD, hazardId, event)).get();
        // a different hazard after the duplicate proves the duplicate was consumed, not still pending
        String marker = UUID.randomUUID().toString();
        kafka.send(new ProducerRecord<>(Topics.HAZARD, marker, reported(marker))).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> total() >= before + 2);
        assertThat(total()).isEqualTo(before + 2);
        var overview = api(Roles.CITY_ADMIN).get("/api/v1/stats/overview").json().get("hazards");
        assertThat(overview.get("bySource").get("GRID_PATROL").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(overview.get("byState").get("REPORTED").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theOverviewNeedsAnOfficersRole() {
        assertThat(api(Roles.THIRD_PARTY_FIRM).get("/api/v1/stats/overview").status()).isEqualTo(403);
        assertThat(new TestHttp("http://127.0.0.1:" + port).get("/api/v1/stats/overview").status()).isEqualTo(401);
    }

    private static CloudEvent reported(String hazardId) {
        HazardReported payload = new HazardReported(hazardId, "est-jinfeng-0001", "zjg-jinfeng", "FIRE_SAFETY",
                "GENERAL", "GRID_PATROL", "finding-" + hazardId, "消防通道堵塞", "insp-jinfeng-01", Instant.now(),
                LocalDate.now().plusDays(30), "TEXTILES", 1);
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType(EventTypes.typeOf(HazardReported.class)).withSource(URI.create("/liuhua/hazard-service"))
                .withSubject(hazardId).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes()).build();
    }
}
