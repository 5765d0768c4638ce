package org.liuhua.kit.messaging;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.outbox.KitTestApplication.StoreListener;
import org.liuhua.kit.outbox.ParcelSent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer whose store is away: the event waits at its place and is applied once when the store is back, however
 * long that takes (here longer than the quick retries' whole budget), and nothing good is dead-lettered; poison still
 * is. The kit's test context runs the quick retries 50 ms apart (4 attempts in about 150 ms) and the outage back-off
 * from 100 ms to 400 ms.
 */
class StoreOutageIT extends KitIntegrationTest {

    private static final String DLT = StoreListener.TOPIC + ".DLT";

    @Autowired
    StoreListener listener;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void anEventThatFailsWhileTheStoreIsAwayWaitsAtItsPlaceAndIsAppliedOnceWhenItIsBack() throws Exception {
        String waiting = "outage-" + UUID.randomUUID();
        String behind = "behind-" + UUID.randomUUID();
        // away for 6 attempts (about 2 s of pauses here), beyond the quick retries' whole budget (4 attempts, 150 ms)
        listener.failing.put(waiting, () -> listener.attempts.get(waiting).get() <= 6
                ? new DataAccessResourceFailureException("Timed out while waiting for a server",
                new com.mongodb.MongoTimeoutException("no server")) : null);

        kafka.send(new ProducerRecord<>(StoreListener.TOPIC, waiting, event(waiting, 1))).get();
        kafka.send(new ProducerRecord<>(StoreListener.TOPIC, behind, event(behind, 1))).get();

        await().atMost(Duration.ofSeconds(15)).until(() -> listener.applied(behind) == 1);
        assertThat(listener.attempts.get(waiting).get()).as("6 failed attempts, then applied").isEqualTo(7);
        assertThat(listener.applied(waiting)).as("applied once").isEqualTo(1);
        assertThat(listener.appliedInOrder).as("the partition waited at the event")
                .containsSubsequence(waiting, behind);
        assertThat(deadLetterKeys(Set.of())).doesNotContain(waiting, behind);
    }

    @Test
    void poisonIsStillDeadLetteredAfterTheQuickRetriesAlsoWhenItFailedForAnOutageFirst() throws Exception {
        String refused = "refused-" + UUID.randomUUID();
        String unreadable = "unreadable-" + UUID.randomUUID();
        String outageThenRefused = "outage-then-refused-" + UUID.randomUUID();
        listener.failing.put(outageThenRefused, () -> listener.attempts.get(outageThenRefused).get() <= 5
                ? new DataAccessResourceFailureException("store away")
                : new IllegalArgumentException("the event breaks a rule"));

        kafka.send(new ProducerRecord<>(StoreListener.TOPIC, refused, event(refused, -1))).get();
        kafka.send(new ProducerRecord<>(StoreListener.TOPIC, unreadable, CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString()).withType("liuhua.kittest.parcel-sent.v1")
                .withSource(URI.create("/test")).withDataContentType("application/json")
                .withData("{\"parcelId\": [\"not a string\"".getBytes()).build())).get();
        kafka.send(new ProducerRecord<>(StoreListener.TOPIC, outageThenRefused, event(outageThenRefused, 1))).get();

        assertThat(deadLetterKeys(Set.of(refused, unreadable, outageThenRefused)))
                .contains(refused, unreadable, outageThenRefused);
        assertThat(listener.attempts.get(refused).get()).as("1 + 3 quick retries").isEqualTo(4);
        assertThat(listener.attempts.get(outageThenRefused).get()).as("5 in the outage, then 1 + 3").isEqualTo(9);
        assertThat(listener.applied(outageThenRefused)).isZero();
    }

    /**
     * The real stand-in stops and comes back on the same port: the consumer's store operations fail with the
     * driver's server selection time-out meanwhile, and the event is applied once afterwards.
     */
    @Test
    void theStandInStoppedAndStartedAgainLosesNoEvent() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        String id = "restart-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(300, TimeUnit.MILLISECONDS))
                .applyToServerSettings(s -> s.heartbeatFrequency(500, TimeUnit.MILLISECONDS)).build())) {
            MongoTemplate store = new MongoTemplate(client, "kit-test-restart");
            store.getCollection("warm-up").countDocuments();
            listener.stores.put(id, store);
            server.shutdownNow();

            kafka.send(new ProducerRecord<>(StoreListener.TOPIC, id, event(id, 1))).get();
            await().atMost(Duration.ofSeconds(15)).until(() -> listener.attempts.containsKey(id)
                    && listener.attempts.get(id).get() >= 2);
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", address.getPort());

            await().atMost(Duration.ofSeconds(15)).until(() -> listener.appliedInOrder.contains(id));
            assertThat(listener.applied(id)).isEqualTo(1);
            assertThat(deadLetterKeys(Set.of())).doesNotContain(id);
        } finally {
            server.shutdownNow();
        }
    }

    private static CloudEvent event(String id, int sequence) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType("liuhua.kittest.parcel-sent.v1").withSource(URI.create("/test"))
                .withDataContentType("application/json")
                .withData(EventJson.write(new ParcelSent(id, sequence)).getBytes()).build();
    }

    /** The keys on the store topic's dead-letter topic: read to its end, and on until {@code expected} arrived. */
    private List<String> deadLetterKeys(Set<String> expected) {
        List<String> keys = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = rawConsumer("dlt-" + UUID.randomUUID())) {
            TopicPartition partition = new TopicPartition(DLT, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long until = System.currentTimeMillis() + 15_000;
            while ((consumer.position(partition) < end || !keys.containsAll(expected))
                    && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            }
        }
        return keys;
    }

    private Consumer<String, byte[]> rawConsumer(String group) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group, false);
        props.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
    }
}
