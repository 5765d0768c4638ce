package org.liuhua.kit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay against a real MongoDB replica set and a real Kafka broker (container images). Runs wherever a
 * Docker engine is available; skipped with "Docker is not available" elsewhere (our CI machines have none: the same
 * flow runs in {@link OutboxRelayIT} against the stand-in and an in-process KRaft broker).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = {"spring.application.name=kit-test", "liuhua.outbox.collections=parcels",
        "liuhua.events.topic=" + KitTestApplication.TOPIC})
class OutboxRelayContainersIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("kit-test"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("liuhua.security.issuer", () -> TestTokens.ISSUER);
        registry.add("liuhua.security.public-key", TestTokens::publicKeyPem);
        registry.add("liuhua.outbox.poll-interval", () -> "50ms");
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    KitTestApplication.ParcelListener listener;

    @Test
    void eventsWrittenWithTheDocumentArePublishedInOrderAndRemovedFromTheOutbox() {
        String id = "parcel-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        parcel.send(Instant.now());
        parcel.send(Instant.now());
        mongo.save(parcel, "parcels");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                listener.received.stream().filter(p -> p.parcelId().equals(id)).map(ParcelSent::sequence))
                .containsExactly(1, 2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(id, Parcel.class, "parcels").outbox).isEmpty());
    }
}
