package org.liuhua.kit.outbox;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.store.IndexCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in the embedded outboxes of the configured collections, in order per document, with
 * the idempotent producer (acks=all), and removes each from its document only after the broker acknowledged it. A
 * crash between send and removal re-sends the event with the same id, which consumers drop as a duplicate: delivery
 * is at least once, application exactly once. One replica at a time relays (a {@link MongoLease}).
 *
 * <p>The relay holds no memory of what it sent: applications never rewrite the outbox array (they push new events
 * through {@link org.liuhua.kit.store.AggregateStore}, guarded by the aggregate's version), so an event removed
 * here cannot come back.
 *
 * <p>Two ways to find pending events (ADR 11): a write in this process leaves an {@link OutboxHints hint}, and the
 * relay wakes at once and reads the hinted documents by {@code _id} — the cost of a write's publication does not
 * grow with the collection; and a <em>sweep</em> of every collection (at start, then every
 * {@code liuhua.outbox.poll-interval}) finds what no hint announced: writes of other replicas, sends that failed,
 * hints that were dropped. The sweep's query is an existence test on {@code outbox.eventId}, served by the sparse
 * index the kit declares on every outbox collection (the MongoDB stand-in has none and scans).
 */
public class OutboxRelay implements SmartLifecycle {

    static final String OUTBOX_FIELD = org.liuhua.kit.store.AggregateStore.OUTBOX;
    static final int MAX_PASSES_PER_TICK = 50;
    /** Documents per reply of the store when the relay reads outboxes by {@code _id}. */
    static final int READ_BATCH = 16;
    /** Event payload published per chunk of a pass, at most about (a single larger outbox is a chunk of its own). */
    static final long MAX_CHUNK_BYTES = 4L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final OutboxProperties properties;
    private final List<String> collections;
    private final MongoLease lease;
    private final URI source;
    private final Counter published;
    private final Counter failures;
    private final Counter sweeps;
    private final OutboxHints hints;
    /** A pass failed since the last sweep (its documents are unknown): the next sweep must come soon. */
    private volatile boolean passFailed;

    private Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, OutboxProperties properties,
                       MongoLease lease, String applicationName, MeterRegistry meters) {
        this(mongo, kafka, properties, List.of(), lease, applicationName, meters);
    }

    /**
     * @param contributed collections with an embedded outbox besides those the service lists in
     *                    {@code liuhua.outbox.collections} (e.g. the kit's {@code audit_log})
     */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, OutboxProperties properties,
                       Collection<String> contributed, MongoLease lease, String applicationName,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        Set<String> all = new LinkedHashSet<>(properties.collections());
        all.addAll(contributed);
        this.collections = List.copyOf(all);
        this.lease = lease;
        this.hints = mongo == null ? null : OutboxHints.of(mongo);
        this.source = URI.create("/liuhua/" + applicationName);
        this.published = Counter.builder("liuhua.outbox.published").description("events published from the outbox")
                .register(meters);
        this.failures = Counter.builder("liuhua.outbox.failures").description("outbox publish attempts that failed")
                .register(meters);
        this.sweeps = Counter.builder("liuhua.outbox.sweeps")
                .description("sweeps of every outbox collection for events no hint announced").register(meters);
    }

    /** One relay pass over every configured collection; returns how many events were relayed. */
    public int relayOnce() {
        if (collections.isEmpty() || !lease.tryAcquire("outbox-relay", properties.leaseTtl())) {
            return 0;
        }
        int count = 0;
        for (String collection : collections) {
            count += relayCollection(collection).events();
        }
        return count;
    }

    /**
     * Relays until no collection has a full batch waiting (bounded), so a burst drains without poll pauses.
     *
     * @return whether the sweep was quiet: this relay holds the lease and found no pending document
     */
    private boolean drain() {
        boolean quiet = true;
        for (int pass = 0; pass < MAX_PASSES_PER_TICK; pass++) {
            if (!lease.tryAcquire("outbox-relay", properties.leaseTtl())) {
                return false;
            }
            boolean more = false;
            for (String collection : collections) {
                int found = relayCollection(collection).documents();
                quiet &= found == 0;
                more |= found >= properties.batchSize();
            }
            if (!more) {
                return quiet;
            }
        }
        return false;
    }

    record Pass(int documents, int events) {
    }

    /**
     * Sends the events of up to a batch of documents without waiting in between (the idempotent producer keeps each
     * aggregate's order: same key, same partition), then waits for the acknowledgements and removes, in one bulk
     * write, the events of every document whose events were all acknowledged. A document with a failed send keeps
     * its events for the next pass. The sweep's query asks for the pending documents' {@code _id}s only, so its
     * answer stays small however large the documents are; their outboxes are then read by {@code _id}.
     */
    private Pass relayCollection(String collection) {
        Query pending = new Query(Criteria.where(IndexCreator.OUTBOX_PENDING_PATH).exists(true))
                .limit(properties.batchSize());
        pending.fields().include("_id");
        List<Object> ids = mongo.find(pending, Document.class, collection).stream().map(d -> d.get("_id")).toList();
        int events = relayById(collection, ids);
        return new Pass(ids.size(), events);
    }

    /**
     * Publishes the hinted documents, read by {@code _id} (those whose events another pass already published have
     * none left and are skipped). Without the lease the hints are dropped: the holder's sweep finds the documents.
     *
     * @return how many events were relayed
     */
    int relayHinted(List<OutboxHints.Hint> hinted) {
        if (!lease.tryAcquire("outbox-relay", properties.leaseTtl())) {
            hints.clear();
            return 0;
        }
        java.util.Map<String, Set<Object>> idsByCollection = new java.util.LinkedHashMap<>();
        for (OutboxHints.Hint hint : hinted) {
            if (collections.contains(hint.collection())) {
                idsByCollection.computeIfAbsent(hint.collection(), c -> new LinkedHashSet<>()).add(hint.id());
            }
        }
        int count = 0;
        for (java.util.Map.Entry<String, Set<Object>> entry : idsByCollection.entrySet()) {
            count += relayById(entry.getKey(), List.copyOf(entry.getValue()));
        }
        return count;
    }

    /**
     * Reads the outboxes of the given documents by {@code _id} (only {@code _id} in the query: the stand-in uses an
     * index only for a query on exactly its fields; only the outbox in the answer, a few documents per reply) and
     * publishes them in chunks bounded by {@link #MAX_CHUNK_BYTES} of event payload, so neither a reply of the store
     * nor a pass in memory grows with the size of the documents.
     */
    private int relayById(String collection, List<Object> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Query byId = new Query(Criteria.where("_id").in(ids)).cursorBatchSize(READ_BATCH);
        byId.fields().include(OUTBOX_FIELD);
        int events = 0;
        List<Document> chunk = new ArrayList<>();
        long chunkBytes = 0;
        try (java.util.stream.Stream<Document> documents = mongo.stream(byId, Document.class, collection)) {
            for (Document document : (Iterable<Document>) documents::iterator) {
                List<Document> outbox = document.getList(OUTBOX_FIELD, Document.class, List.of());
                if (outbox.isEmpty()) {
                    continue;
                }
                chunk.add(document);
                chunkBytes += approximateBytes(outbox);
                if (chunkBytes >= MAX_CHUNK_BYTES) {
                    events += relayDocuments(collection, chunk).events();
                    chunk = new ArrayList<>();
                    chunkBytes = 0;
                }
            }
        }
        return events + relayDocuments(collection, chunk).events();
    }

    /** About what an outbox weighs on the wire: its payloads and a little for each event's other fields. */
    static long approximateBytes(List<Document> outbox) {
        long bytes = 0;
        for (Document event : outbox) {
            String payload = event.getString("payload");
            bytes += 256 + (payload == null ? 0 : payload.length());
        }
        return bytes;
    }

    private Pass relayDocuments(String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return new Pass(0, 0);
        }
        List<Object> ids = new ArrayList<>();
        List<List<String>> eventIds = new ArrayList<>();
        List<CompletableFuture<Void>> acknowledged = new ArrayList<>();
        List<Integer> sendCounts = new ArrayList<>();
        for (Document document : documents) {
            List<String> sent = new ArrayList<>();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            try {
                for (Document event : document.getList(OUTBOX_FIELD, Document.class, List.of())) {
                    acks.add(kafka.send(toRecord(event)));
                    sent.add(event.getString("eventId"));
                }
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
            sendCounts.add(acks.size());
            ids.add(document.get("_id"));
            eventIds.add(sent);
            acknowledged.add(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
        }
        // the pass is one batch: send it now rather than after the producer's linger (Kafka 4: 5 ms)
        try {
            kafka.flush();
        } catch (RuntimeException e) {
            log.debug("outbox relay: flush failed, the acknowledgements tell: {}", e.toString());
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int relayedDocuments = 0;
        int relayedEvents = 0;
        int sends = 0;
        for (int i = 0; i < ids.size(); i++) {
            try {
                acknowledged.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                failures.increment();
                // tried again by its own hint after a poll interval: no sweep of every collection is needed for it
                hints.retryLater(collection, ids.get(i), properties.pollInterval());
                log.warn("outbox relay: publishing the events of {}/{} failed, will retry: {}", collection,
                        ids.get(i), e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e);
                continue;
            }
            List<String> sent = eventIds.get(i);
            removals.updateOne(new Query(Criteria.where("_id").is(ids.get(i))),
                    new Update().pull(OUTBOX_FIELD, new Document("eventId", new Document("$in", sent))));
            relayedDocuments++;
            relayedEvents += sent.size();
            sends += sendCounts.get(i);
        }
        if (relayedDocuments > 0) {
            removals.execute();
        }
        published.increment(sends);
        return new Pass(documents.size(), relayedEvents);
    }

    private ProducerRecord<String, CloudEvent> toRecord(Document event) {
        Instant occurredAt = event.getDate("occurredAt").toInstant();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.getString("eventId"))
                .withType(event.getString("type"))
                .withSource(source)
                .withSubject(event.getString("key"))
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.getString("payload").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String traceparent = event.getString("traceparent");
        if (traceparent != null) {
            builder.withExtension("traceparent", traceparent);
        }
        return new ProducerRecord<>(event.getString("topic"), event.getString("key"), builder.build());
    }

    /** The collections this relay publishes from: the service's own and the contributed ones. */
    public List<String> collections() {
        return collections;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::work, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Sweeps at start and then every poll interval while sweeps find something; quiet sweeps (nothing pending, no
     * failed pass, no dropped hint) double the pause up to {@code quiet-sweep-interval}. In between, publishes hinted
     * documents as soon as they are hinted. A document whose send failed is hinted again after a poll interval (the
     * relay remembers which; on the stand-in a sweep scans every collection). A failed pass or a dropped hint — the
     * relay cannot tell which documents they concern — brings the next sweep back to one poll interval away.
     */
    private void work() {
        long sweepEvery = properties.pollInterval().toNanos();
        long quietMax = properties.quietSweepInterval().toNanos();
        long pause = sweepEvery;
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextSweep >= 0) {
                    passFailed = false;
                    boolean quiet = sweep();
                    pause = quiet && !passFailed && !hints.takeDropped() ? Math.min(pause * 2, quietMax) : sweepEvery;
                    nextSweep = System.nanoTime() + pause;
                }
                List<OutboxHints.Hint> hinted = hints.take(nextSweep - System.nanoTime(), properties.batchSize());
                if (!hinted.isEmpty()) {
                    safely(() -> relayHinted(hinted));
                }
                if ((passFailed || hints.takeDropped()) && nextSweep - (System.nanoTime() + sweepEvery) > 0) {
                    pause = sweepEvery;
                    nextSweep = System.nanoTime() + sweepEvery;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One sweep (a drain); false when it failed, was not quiet, or this relay does not hold the lease. */
    private boolean sweep() {
        sweeps.increment();
        try {
            return drain();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("outbox relay pass failed, will retry: {}", e.toString());
            return false;
        }
    }

    private void safely(Runnable pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            failures.increment();
            passFailed = true;
            log.warn("outbox relay pass failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            // let a pass under way finish (the last writes are still relayed), then interrupt a worker still busy
            hints.wake();
            try {
                worker.join(5_000);
                if (worker.isAlive()) {
                    worker.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // best effort: if the database is already gone the lease simply expires
        try {
            CompletableFuture.runAsync(() -> lease.release("outbox-relay")).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("outbox relay lease not released: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop after the web server stopped taking requests, so that the last writes are still relayed
        return Integer.MAX_VALUE - 2000;
    }
}
