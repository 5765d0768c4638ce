package org.liuhua.kit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayIT extends KitIntegrationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    KitTestApplication.ParcelListener listener;

    @Test
    void eventsWrittenWithTheDocumentArePublishedInOrderAsCloudEventsAndRemovedFromTheOutbox() {
        String id = "parcel-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        parcel.send(Instant.now());
        parcel.send(Instant.now());
        parcel.send(Instant.now());
        mongo.save(parcel, "parcels");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                listener.received.stream().filter(p -> p.parcelId().equals(id)).map(ParcelSent::sequence))
                .containsExactly(1, 2, 3));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(mongo.findById(id, Parcel.class, "parcels").outbox).isEmpty());

        try (Consumer<String, byte[]> consumer = rawConsumer("kit-test-inspect")) {
            consumer.subscribe(List.of(KitTestApplication.TOPIC));
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            long until = System.currentTimeMillis() + 10_000;
            while (mine.size() < 3 && System.currentTimeMillis() < until) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
            }
            assertThat(mine).hasSize(3);
            ConsumerRecord<String, byte[]> first = mine.get(0);
            assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(first, "ce_type")).isEqualTo("liuhua.kittest.parcel-sent.v1");
            assertThat(header(first, "ce_source")).isEqualTo("/liuhua/kit-test");
            assertThat(header(first, "ce_subject")).isEqualTo(id);
            assertThat(header(first, "content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void eventsWrittenBackByAStaleSaveAreRemovedWithoutBeingPublishedAgain() {
        String id = "stale-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        parcel.send(Instant.now());
        mongo.save(parcel, "parcels");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                mongo.findById(id, Parcel.class, "parcels").outbox.isEmpty());

        // the application saves the copy it loaded before the relay removed the event: the event comes back
        mongo.save(parcel, "parcels");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                mongo.findById(id, Parcel.class, "parcels").outbox.isEmpty());
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(listener.received.stream().filter(p -> p.parcelId().equals(id))).hasSize(1);
    }

    @Test
    void theTraceOfTheWriteContinuesInTheConsumer() {
        String id = "traced-" + UUID.randomUUID();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        org.liuhua.kit.web.TraceContext.enter("00-" + traceId + "-00f067aa0ba902b7-01");
        try {
            Parcel parcel = new Parcel(id);
            parcel.send(Instant.now());
            mongo.save(parcel, "parcels");
        } finally {
            org.liuhua.kit.web.TraceContext.exit();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(listener.traceIds).containsEntry(id, traceId));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextMessageIsStillProcessed() throws Exception {
        Map<String, Object> producerProps = KafkaTestUtils.producerProps(broker);
        try (var raw = new DefaultKafkaProducerFactory<>(producerProps, new StringSerializer(),
                new ByteArraySerializer()).createProducer()) {
            raw.send(new ProducerRecord<>(KitTestApplication.TOPIC, "poison", "not a cloud event".getBytes())).get();
        }
        // an event that deserializes but that the handler refuses: retried, then dead-lettered too
        kafka.send(new ProducerRecord<>(KitTestApplication.TOPIC, "refused", event("refused", -1))).get();
        String next = "after-poison-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(KitTestApplication.TOPIC, next, event(next, 7))).get();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(listener.received).anyMatch(p -> p.parcelId().equals(next)));

        try (Consumer<String, byte[]> consumer = rawConsumer("kit-test-dlt")) {
            consumer.subscribe(List.of(KitTestApplication.TOPIC + ".DLT"));
            List<String> keys = new ArrayList<>();
            long until = System.currentTimeMillis() + 15_000;
            while (!(keys.contains("poison") && keys.contains("refused")) && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
            }
            assertThat(keys).contains("poison", "refused");
        }
    }

    private static CloudEvent event(String id, int sequence) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType("liuhua.kittest.parcel-sent.v1").withSource(java.net.URI.create("/test"))
                .withDataContentType("application/json")
                .withData(EventJson.write(new ParcelSent(id, sequence)).getBytes()).build();
    }

    private Consumer<String, byte[]> rawConsumer(String group) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group, false);
        props.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }
}
