package org.liuhua.kit.outbox;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.StaleAggregateException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded outbox end to end: aggregates written through {@link AggregateStore}, the relay publishing to the
 * embedded broker, the listener of the test service consuming. "Published once" is counted on the topic itself, by
 * event id, not only in the consumer.
 */
class OutboxRelayIT extends KitIntegrationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    KitTestApplication.ParcelListener listener;
    @Autowired
    AggregateStore<Parcel> parcels;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxProperties outboxProperties;
    @Autowired
    MeterRegistry meters;

    @Test
    void eventsWrittenWithTheDocumentArePublishedInOrderAsCloudEventsAndRemovedFromTheOutbox() {
        String id = "parcel-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        parcel.send();
        parcel.send();
        parcel.send();
        parcels.insert(parcel);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(received(id)).containsExactly(1, 2, 3));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(outbox(id)).isEmpty());

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

    /**
     * The old defect: a whole-document save of a copy loaded before the relay removed its sent events wrote them back,
     * and only an in-memory set in the relay kept them from going out twice. A copy now holds no outbox at all; what
     * it writes is its fields and the events it registered itself.
     */
    @Test
    void aCopyLoadedBeforeTheRelayPublishedCannotWriteTheSentEventsBack() {
        String id = "stale-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        parcel.send();
        parcels.insert(parcel);
        Parcel loadedBeforeTheRelay = parcels.get(id, "parcel");
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox(id).isEmpty() && received(id).size() == 1);

        loadedBeforeTheRelay.relabel("late");
        parcels.update(loadedBeforeTheRelay);
        assertThat(outbox(id)).as("nothing comes back with a change without events").isEmpty();
        loadedBeforeTheRelay.send();
        parcels.update(loadedBeforeTheRelay);

        Map<String, Integer> published = publishedPerEventId(id, 2);
        assertThat(published).as("records on the topic per event id").hasSize(2).allSatisfy((eventId, records) ->
                assertThat(records).as(eventId).isEqualTo(1));
        assertThat(received(id)).containsExactly(1, 2);
    }

    @Test
    void aWriteIsPublishedAtOnceByItsHintNotOnTheNextSweep() {
        relay.stop();
        // this relay sweeps once at start and then not for an hour: only the write's hint can make it publish
        OutboxProperties noSweep = new OutboxProperties(outboxProperties.collections(), Duration.ofHours(1),
                outboxProperties.batchSize(), outboxProperties.sendTimeout(), outboxProperties.leaseTtl());
        OutboxRelay hinted = new OutboxRelay(mongo, kafka, noSweep, List.of(),
                new MongoLease(mongo, Clock.systemUTC()), "kit-test", meters);
        String id = "hinted-" + UUID.randomUUID();
        try {
            hinted.start();
            Parcel parcel = new Parcel(id);
            parcel.send();
            parcels.insert(parcel);
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox(id).isEmpty());
            parcels.change(id, "parcel", Parcel::send);
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox(id).isEmpty());
        } finally {
            hinted.stop();
            relay.start();
        }
        Map<String, Integer> published = publishedPerEventId(id, 2);
        assertThat(published).as("records on the topic per event id").hasSize(2).allSatisfy((eventId, records) ->
                assertThat(records).as(eventId).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> received(id).size() >= 2);
        assertThat(received(id)).containsExactly(1, 2);
    }

    /**
     * A quiet relay (nothing pending, nothing failed) sweeps less and less often, up to its quiet interval: on the
     * stand-in each sweep scans every outbox collection. A document written behind its back (another replica: no
     * hint) is still found by the next sweep, and after a sweep that found something the pause is short again.
     */
    @Test
    void aQuietRelaySweepsLessOftenAndStillFindsWhatNoHintAnnounced() {
        String collection = "quiet_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = KitTestApplication.TOPIC + ".quiet";
        io.micrometer.core.instrument.simple.SimpleMeterRegistry own =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        OutboxRelay quiet = relayOf(collection, Duration.ofMillis(50), Duration.ofMillis(800), own);
        relay.stop();
        try {
            quiet.start();
            sleep(3_000);
            double sweeps = own.counter("liuhua.outbox.sweeps").count();
            // every 50 ms would be ~60 sweeps; doubling from 50 ms to 800 ms makes it 5 + ~2 per 800 ms
            assertThat(sweeps).as("sweeps in 3 s while quiet").isBetween(4.0, 15.0);
            for (int i = 0; i < 3; i++) {
                Document event = new Document("eventId", UUID.randomUUID().toString()).append("topic", topic)
                        .append("key", collection + "-" + i).append("type", "liuhua.kittest.quiet.v1")
                        .append("occurredAt", new java.util.Date()).append("payload", "\"written elsewhere\"");
                mongo.insert(new Document("_id", collection + "-" + i).append("outbox", List.of(event)),
                        collection);
            }
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() ->
                    mongo.count(new Query(Criteria.where("outbox.eventId").exists(true)), collection) == 0);
            double afterFinding = own.counter("liuhua.outbox.sweeps").count();
            sleep(1_000);
            // the pause starts again at 50 ms (50, 100, 200, 400: 4 sweeps); still at 800 ms it would be 1 or 2
            assertThat(own.counter("liuhua.outbox.sweeps").count() - afterFinding)
                    .as("sweeps in the second after one that found something")
                    .isGreaterThanOrEqualTo(3.0);
        } finally {
            quiet.stop();
            relay.start();
            mongo.dropCollection(collection);
        }
    }

    /**
     * A document whose send failed is tried again by its own hint after a poll interval, not by a sweep of every
     * collection: the first send fails (a record larger than the producer takes), the document is mended behind the
     * relay's back (no hint), and it is published long before the next sweep (quiet sweeps here: 0, 0.4, 1.2, 2.8,
     * 6.0, 12.4 s after start; the document comes after the fifth).
     */
    @Test
    void aDocumentWhoseSendFailedIsTriedAgainWithoutASweep() {
        String collection = "retried_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = KitTestApplication.TOPIC + ".retried";
        io.micrometer.core.instrument.simple.SimpleMeterRegistry own =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        OutboxRelay retrying = relayOf(collection, Duration.ofMillis(200), Duration.ofHours(1), own);
        String id = collection + "-1";
        relay.stop();
        try {
            retrying.start();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> own.counter("liuhua.outbox.sweeps").count() >= 5);
            Document tooLarge = new Document("eventId", UUID.randomUUID().toString()).append("topic", topic)
                    .append("key", id).append("type", "liuhua.kittest.retried.v1")
                    .append("occurredAt", new java.util.Date())
                    .append("payload", "\"" + "x".repeat(3_000_000) + "\"");
            mongo.insert(new Document("_id", id).append("outbox", List.of(tooLarge)), collection);
            OutboxHints.of(mongo).committed(collection, id);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> own.counter("liuhua.outbox.failures").count() >= 1);
            double sweepsAtTheFailure = own.counter("liuhua.outbox.sweeps").count();
            assertThat(outboxOf(collection, id)).as("kept after the failed send").hasSize(1);
            mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                    new Update().set("outbox.0.payload", "\"mended\""), collection);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> outboxOf(collection, id).isEmpty());
            assertThat(own.counter("liuhua.outbox.sweeps").count()).as("no sweep between the failure and the retry")
                    .isEqualTo(sweepsAtTheFailure);
        } finally {
            retrying.stop();
            relay.start();
            mongo.dropCollection(collection);
        }
    }

    /** A relay of its own over one collection, with its own sweep pauses and meters (not started). */
    private OutboxRelay relayOf(String collection, Duration pollInterval, Duration quietSweepInterval,
                                MeterRegistry registry) {
        OutboxProperties properties = new OutboxProperties(List.of(collection), pollInterval,
                outboxProperties.batchSize(), outboxProperties.sendTimeout(), outboxProperties.leaseTtl(),
                quietSweepInterval);
        return new OutboxRelay(mongo, kafka, properties, List.of(), new MongoLease(mongo, Clock.systemUTC()),
                "kit-test", registry);
    }

    private List<Document> outboxOf(String collection, String id) {
        Document d = mongo.findById(id, Document.class, collection);
        return d == null ? List.of() : d.getList("outbox", Document.class, List.of());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A sweep over pending documents that together weigh more than one reply of the store may carry (16 MB): the
     * relay asks the sweep for their ids only and reads the outboxes by id a few at a time, in chunks bounded by
     * bytes, so every event is published (a sweep that read a batch of whole documents in one reply failed).
     */
    @Test
    void aSweepOverManyLargePendingDocumentsPublishesThemAll() {
        String collection = "bulky_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = KitTestApplication.TOPIC + ".bulky";
        String payload = "\"" + "x".repeat(400_000) + "\"";
        int documents = 60;
        for (int i = 0; i < documents; i++) {
            Document event = new Document("eventId", UUID.randomUUID().toString()).append("topic", topic)
                    .append("key", collection + "-" + i).append("type", "liuhua.kittest.bulky.v1")
                    .append("occurredAt", new java.util.Date()).append("payload", payload);
            mongo.insert(new Document("_id", collection + "-" + i).append("history", payload)
                    .append("outbox", List.of(event)), collection);
        }
        OutboxProperties sweepOnly = new OutboxProperties(List.of(collection), Duration.ofHours(1),
                outboxProperties.batchSize(), outboxProperties.sendTimeout(), outboxProperties.leaseTtl());
        OutboxRelay sweeper = new OutboxRelay(mongo, kafka, sweepOnly, List.of(),
                new MongoLease(mongo, Clock.systemUTC()), "kit-test", meters);
        relay.stop();
        try {
            long until = System.currentTimeMillis() + 60_000;
            int relayed = 0;
            while (relayed < documents && System.currentTimeMillis() < until) {
                relayed += sweeper.relayOnce();
            }
            assertThat(relayed).isEqualTo(documents);
        } finally {
            sweeper.stop();
            relay.start();
        }
        assertThat(mongo.count(new Query(Criteria.where("outbox.eventId").exists(true)), collection)).isZero();
        try (Consumer<String, byte[]> consumer = rawConsumer("bulky-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            java.util.Set<String> keys = new java.util.HashSet<>();
            long until = System.currentTimeMillis() + 20_000;
            while (keys.size() < documents && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.key().startsWith(collection)) {
                        keys.add(r.key());
                    }
                });
            }
            assertThat(keys).hasSize(documents);
        }
        mongo.dropCollection(collection);
    }

    @Test
    void aStaleSaveAfterARelayRestartPublishesNoEventTwice() {
        String id = "restart-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        parcel.send();
        parcels.insert(parcel);
        Parcel first = parcels.get(id, "parcel");
        Parcel second = parcels.get(id, "parcel");
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox(id).isEmpty() && received(id).size() == 1);

        relay.stop();
        OutboxRelay restarted = new OutboxRelay(mongo, kafka, outboxProperties, List.of(),
                new MongoLease(mongo, Clock.systemUTC()), "kit-test", meters);
        try {
            // both copies were loaded before the relay published and restarted
            first.send();
            parcels.update(first);
            second.send();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parcels.update(second))
                    .isInstanceOf(StaleAggregateException.class);
            parcels.change(id, "parcel", Parcel::send);
            assertThat(outbox(id)).hasSize(2);

            await().atMost(Duration.ofSeconds(15)).until(() -> {
                restarted.relayOnce();
                return outbox(id).isEmpty();
            });
        } finally {
            restarted.stop();
            relay.start();
        }

        Map<String, Integer> published = publishedPerEventId(id, 3);
        assertThat(published).as("records on the topic per event id").hasSize(3).allSatisfy((eventId, records) ->
                assertThat(records).as(eventId).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> received(id).size() >= 3);
        assertThat(received(id)).containsExactly(1, 2, 3);
    }

    @Test
    void ofTwoCopiesLoadedAtTheSameVersionOneWinsAndTheOtherIsRefusedAsStale() throws Exception {
        String id = "race-" + UUID.randomUUID();
        parcels.insert(new Parcel(id));
        CyclicBarrier bothLoaded = new CyclicBarrier(2);
        Callable<String> command = () -> {
            Parcel copy = parcels.get(id, "parcel");
            bothLoaded.await(10, TimeUnit.SECONDS);
            copy.send();
            try {
                parcels.update(copy);
                return "applied";
            } catch (StaleAggregateException stale) {
                return "stale";
            }
        };

        List<String> outcomes = runTogether(List.of(command, command));

        assertThat(outcomes).containsExactlyInAnyOrder("applied", "stale");
        assertThat(mongo.findById(id, Document.class, "parcels").get("sent")).isEqualTo(1);
        Map<String, Integer> published = publishedPerEventId(id, 1);
        assertThat(published).as("only the winner's event, once").hasSize(1).containsValue(1);
        assertThat(received(id)).containsExactly(1);
    }

    @Test
    void concurrentCommandsOnOneParcelThroughChangeAreAllAppliedAndEachEventIsPublishedOnce() throws Exception {
        String id = "concurrent-" + UUID.randomUUID();
        parcels.insert(new Parcel(id));
        CyclicBarrier bothApplied = new CyclicBarrier(2);
        ThreadLocal<Boolean> firstAttempt = ThreadLocal.withInitial(() -> true);
        Callable<Integer> command = () -> parcels.change(id, "parcel", p -> {
            int sequence = p.send();
            if (firstAttempt.get()) {
                firstAttempt.set(false);
                // both threads loaded the same version and applied the command before either writes
                meetAt(bothApplied);
            }
            return sequence;
        });

        List<Integer> results = runTogether(List.of(command, command));

        assertThat(results).as("the loser was retried on a fresh copy").containsExactlyInAnyOrder(1, 2);
        Map<String, Integer> published = publishedPerEventId(id, 2);
        assertThat(published).hasSize(2).allSatisfy((eventId, records) -> assertThat(records).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> received(id).size() >= 2);
        assertThat(received(id)).containsExactly(1, 2);
    }

    @Test
    void underContentionEveryAppliedCommandPublishesItsEventOnceAndNoneIsLost() throws Exception {
        String id = "contention-" + UUID.randomUUID();
        parcels.insert(new Parcel(id));
        Callable<Integer> tenCommands = () -> {
            int applied = 0;
            for (int i = 0; i < 10; i++) {
                try {
                    parcels.change(id, "parcel", Parcel::send);
                    applied++;
                } catch (StaleAggregateException gaveUp) {
                    // a 409 for the caller: this command was not applied, and nothing of it was written
                }
            }
            return applied;
        };

        int applied = runTogether(List.of(tenCommands, tenCommands, tenCommands)).stream()
                .mapToInt(Integer::intValue).sum();

        assertThat(applied).isPositive();
        assertThat(mongo.findById(id, Document.class, "parcels").get("sent")).isEqualTo(applied);
        Map<String, Integer> published = publishedPerEventId(id, applied);
        assertThat(published).hasSize(applied).allSatisfy((eventId, records) -> assertThat(records).isEqualTo(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> received(id).size() >= applied);
        assertThat(received(id)).containsExactlyElementsOf(IntStream.rangeClosed(1, applied).boxed().toList());
    }

    /**
     * Delivery is at least once: an event that is back in an outbox (a crash between the send and the removal) is
     * sent again with its id, and consumers drop it. The relay remembers nothing that would hide it; keeping sent
     * events out of the outbox is the write path's job alone.
     */
    @Test
    void theRelayKeepsNoMemoryOfSentIds() {
        for (Field field : OutboxRelay.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            assertThat(Collection.class.isAssignableFrom(field.getType()) && !field.getName().equals("collections")
                    || Map.class.isAssignableFrom(field.getType()))
                    .as("OutboxRelay." + field.getName() + " holds no set or map of ids").isFalse();
        }

        String id = "resent-" + UUID.randomUUID();
        relay.stop();
        Document pending;
        try {
            Parcel parcel = new Parcel(id);
            parcel.send();
            parcels.insert(parcel);
            pending = outbox(id).get(0);
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox(id).isEmpty());
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().push("outbox", pending), "parcels");
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox(id).isEmpty());

        Map<String, Integer> published = publishedPerEventId(id, 2);
        assertThat(published).containsExactly(Map.entry(pending.getString("eventId"), 2));
    }

    @Test
    void theTraceOfTheWriteContinuesInTheConsumer() {
        String id = "traced-" + UUID.randomUUID();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        org.liuhua.kit.web.TraceContext.enter("00-" + traceId + "-00f067aa0ba902b7-01");
        try {
            Parcel parcel = new Parcel(id);
            parcel.send();
            parcels.insert(parcel);
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

    private List<Integer> received(String parcelId) {
        return listener.received.stream().filter(p -> p.parcelId().equals(parcelId)).map(ParcelSent::sequence)
                .toList();
    }

    private List<Document> outbox(String parcelId) {
        return mongo.findById(parcelId, Document.class, "parcels").getList("outbox", Document.class, List.of());
    }

    /**
     * Reads the topic from the start (raw, so that the poison record of another test does not stop it) until
     * {@code expected} records of the parcel arrived, then a little longer to see any extra; counts them by event id.
     */
    private Map<String, Integer> publishedPerEventId(String parcelId, int expected) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Consumer<String, byte[]> consumer = rawConsumer("count-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(KitTestApplication.TOPIC));
            long until = System.currentTimeMillis() + 15_000;
            long settledAt = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(until, settledAt)) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (parcelId.equals(r.key())) {
                        counts.merge(header(r, "ce_id"), 1, Integer::sum);
                    }
                });
                if (settledAt == Long.MAX_VALUE && counts.values().stream().mapToInt(Integer::intValue).sum()
                        >= expected) {
                    settledAt = System.currentTimeMillis() + 1_500;
                }
            }
        }
        return counts;
    }

    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void meetAt(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other command did not arrive", e);
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
