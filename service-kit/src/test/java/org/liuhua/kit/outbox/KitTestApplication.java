package org.liuhua.kit.outbox;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cloudevents.CloudEvent;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.test.QueryPaths;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
public class KitTestApplication {

    public static final String TOPIC = "liuhua.kittest";
    public static final String PARCELS = "parcels";

    /** The one write path of parcels. */
    @Bean
    AggregateStore<Parcel> parcelStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Parcel.class, PARCELS, clock);
    }

    /** The indexes the parcel queries need: the list filter and sort, and the unique tracking code. */
    @Bean
    CollectionIndexes parcelIndexes() {
        return CollectionIndexes.of(PARCELS, CollectionIndexes.on("label", "sent"), CollectionIndexes.on("sent"),
                new Index().on("trackingCode", Sort.Direction.ASC).unique().sparse().named("trackingCode"));
    }

    /** Every query the test service sends, for the index tests. */
    @Bean
    QueryPaths queryPaths() {
        return new QueryPaths();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer recordQueryPaths(QueryPaths queryPaths) {
        return queryPaths.customizer();
    }

    @Component
    static class ParcelListener {

        final List<ParcelSent> received = new CopyOnWriteArrayList<>();
        /** parcel id → trace id in the logging context while its event was handled */
        final java.util.Map<String, String> traceIds = new java.util.concurrent.ConcurrentHashMap<>();
        private final EventRouter router = EventRouter.named("kit-test").on(ParcelSent.class, this::apply).build();

        @KafkaListener(topics = TOPIC, groupId = "kit-test")
        void on(CloudEvent event) {
            router.route(event);
        }

        private void apply(ParcelSent parcel) {
            if (parcel.sequence() < 0) {
                throw new IllegalArgumentException("negative sequence cannot be applied");
            }
            received.add(parcel);
            String traceId = org.slf4j.MDC.get("traceId");
            if (traceId != null) {
                traceIds.put(parcel.parcelId(), traceId);
            }
        }
    }

    /** The topic of the store-outage consumer and its dead-letter topic (one partition: one order to keep). */
    @Bean
    org.apache.kafka.clients.admin.NewTopic storeTopic() {
        return org.springframework.kafka.config.TopicBuilder.name(StoreListener.TOPIC).partitions(1).build();
    }

    @Bean
    org.apache.kafka.clients.admin.NewTopic storeDeadLetterTopic() {
        return org.springframework.kafka.config.TopicBuilder.name(StoreListener.TOPIC + ".DLT").partitions(1).build();
    }

    /**
     * A consumer that writes to a store which the store-outage tests make fail: per parcel, a failure to throw
     * instead of writing, or another store to write to. Counts attempts and keeps the order of applied parcels;
     * applying adds 1 to the parcel's {@code applied} counter, so a second application would show.
     */
    @Component
    public static class StoreListener {

        public static final String TOPIC = "liuhua.kittest.store";
        static final String APPLIED = "store_applied";

        public final Map<String, java.util.concurrent.atomic.AtomicInteger> attempts =
                new java.util.concurrent.ConcurrentHashMap<>();
        /** parcel id → what its next attempts throw instead of writing */
        public final Map<String, java.util.function.Supplier<RuntimeException>> failing =
                new java.util.concurrent.ConcurrentHashMap<>();
        /** parcel id → the store its attempts write to instead of the service's own */
        public final Map<String, MongoTemplate> stores = new java.util.concurrent.ConcurrentHashMap<>();
        public final List<String> appliedInOrder = new CopyOnWriteArrayList<>();
        private final MongoTemplate mongo;
        private final EventRouter router = EventRouter.named("kit-test-store").on(ParcelSent.class, this::apply)
                .build();

        StoreListener(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @KafkaListener(topics = TOPIC, groupId = "kit-test-store")
        void on(CloudEvent event) {
            router.route(event);
        }

        /** How often the parcel's event was applied, read from the store it was written to. */
        public int applied(String parcelId) {
            org.bson.Document counter = stores.getOrDefault(parcelId, mongo).findById(parcelId,
                    org.bson.Document.class, APPLIED);
            return counter == null ? 0 : counter.getInteger("applied");
        }

        private void apply(ParcelSent parcel) {
            String id = parcel.parcelId();
            attempts.computeIfAbsent(id, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            java.util.function.Supplier<RuntimeException> failure = failing.get(id);
            RuntimeException thrown = failure == null ? null : failure.get();
            if (thrown != null) {
                throw thrown;
            }
            if (parcel.sequence() < 0) {
                throw new IllegalArgumentException("negative sequence cannot be applied");
            }
            stores.getOrDefault(id, mongo).upsert(new Query(Criteria.where("_id").is(id)),
                    new org.springframework.data.mongodb.core.query.Update().inc("applied", 1), APPLIED);
            appliedInOrder.add(id);
        }
    }

    /** Protected endpoints of the test service: any valid token may read; writing and deleting need roles. */
    @RestController
    @RequestMapping("/api/v1/parcels")
    public static class ParcelController {

        private final AggregateStore<Parcel> parcels;

        ParcelController(AggregateStore<Parcel> parcels) {
            this.parcels = parcels;
        }

        /** The kit's one list shape: page, size and a whitelisted sort. */
        @GetMapping
        public PageResponse<Map<String, Object>> list(@RequestParam(required = false) String label,
                                                      @SortableBy(value = {"sent", "label"}, byDefault = "sent,desc")
                                                      PageQuery page) {
            Query query = label == null ? new Query() : new Query(Criteria.where("label").is(label));
            return PageResponse.of(parcels.page(query, page.pageable()),
                    p -> Map.<String, Object>of("id", p.id, "label", String.valueOf(p.label), "sent", p.sent));
        }

        @GetMapping("/{id}")
        public Map<String, Object> get(@PathVariable String id) {
            Caller caller = Caller.current();
            return Map.of("id", id, "caller", caller.username());
        }

        @PostMapping
        @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
        @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
        public ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
            String id = "parcel-" + UUID.randomUUID();
            return ResponseEntity.created(URI.create("/api/v1/parcels/" + id)).body(Map.of("id", id));
        }

        /** Stores a parcel sent {@code sent} times, through the store (the list tests read it back). */
        @PostMapping("/stored")
        @PreAuthorize("hasRole('CITY_ADMIN')")
        public ResponseEntity<Map<String, Object>> store(@RequestBody Map<String, Object> body) {
            Parcel parcel = new Parcel("parcel-" + UUID.randomUUID(), (String) body.get("label"));
            int sent = body.get("sent") instanceof Number n ? n.intValue() : 0;
            for (int i = 0; i < sent; i++) {
                parcel.send();
            }
            parcels.insert(parcel);
            return ResponseEntity.created(URI.create("/api/v1/parcels/" + parcel.id)).body(Map.of("id", parcel.id));
        }

        @PutMapping("/{id}/label")
        @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
        public Map<String, Object> relabel(@PathVariable String id, @RequestBody Map<String, Object> body) {
            if (body.get("label") == null) {
                throw new org.liuhua.kit.domain.InvalidInputException("label", "is required");
            }
            return Map.of("id", id, "label", body.get("label"));
        }

        @DeleteMapping("/{id}")
        @PreAuthorize("hasRole('CITY_ADMIN')")
        public ResponseEntity<Void> delete(@PathVariable String id) {
            return ResponseEntity.noContent().build();
        }
    }
}
