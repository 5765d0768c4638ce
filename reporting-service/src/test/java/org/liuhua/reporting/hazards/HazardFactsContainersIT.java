package org.liuhua.reporting.hazards;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.IndexCreator;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event in → read model → figure, against real MongoDB and Kafka images. Runs wherever a Docker engine is
 * available; skipped with "Docker is not available" elsewhere, where {@link HazardFactsIT} covers it against the
 * stand-in and an in-process broker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HazardFactsContainersIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "reporting");
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    IndexCreator indexCreator;
    @Autowired
    MongoTemplate mongo;

    @Test
    void everyDeclaredIndexExistsOnTheRealMongoDb() {
        for (CollectionIndexes declared : indexCreator.declared()) {
            List<List<String>> real = mongo.indexOps(declared.collection()).getIndexInfo().stream()
                    .map(index -> index.getIndexFields().stream().map(IndexField::getKey).toList()).toList();
            assertThat(real).as(declared.collection()).containsAll(declared.keys());
        }
    }

    @Test
    void aReportedHazardIsCountedOnceWhenItsEventArrivesTwice() throws Exception {
        String hazardId = UUID.randomUUID().toString();
        Map<String, Object> payload = Map.of("hazardId", hazardId, "establishmentId", "est-jinfeng-0001",
                "townId", "zjg-jinfeng", "category", "FIRE_SAFETY", "severity", "GENERAL", "source", "GRID_PATROL",
                "state", "REPORTED", "revision", 1, "occurredAt", Instant.now().toString());
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType("liuhua.hazard.reported.v1").withSource(URI.create("/liuhua/hazard-service"))
                .withSubject(hazardId).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes()).build();
        kafka.send(new ProducerRecord<>(Topics.HAZARD, hazardId, event)).get();
        kafka.send(new ProducerRecord<>(Topics.HAZARD, hazardId, event)).get();

        TestHttp api = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("viewer", Roles.COCKPIT_VIEWER));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/stats/overview").json().get("hazards").get("total").asLong() == 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(api.get("/api/v1/stats/overview").json().get("hazards").get("total").asLong()).isEqualTo(1);
    }
}
