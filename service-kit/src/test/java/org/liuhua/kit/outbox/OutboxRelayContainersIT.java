package org.liuhua.kit.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.test.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

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

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "kit-test");
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AggregateStore<Parcel> parcels;
    @Autowired
    KitTestApplication.ParcelListener listener;

    @Test
    void eventsWrittenWithTheDocumentArePublishedInOrderAndRemovedFromTheOutbox() {
        String id = "parcel-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        parcel.send();
        parcel.send();
        parcels.insert(parcel);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                listener.received.stream().filter(p -> p.parcelId().equals(id)).map(ParcelSent::sequence))
                .containsExactly(1, 2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(id, Document.class, "parcels").getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void theDeclaredIndexesAndTheOutboxIndexExistOnARealMongoDb() {
        List<List<String>> keys = mongo.indexOps("parcels").getIndexInfo().stream()
                .map(index -> index.getIndexFields().stream().map(IndexField::getKey).toList()).toList();

        assertThat(keys).contains(List.of("label", "sent"), List.of("trackingCode"), List.of("outbox.eventId"));
    }
}
