package org.liuhua.kit.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.cloudevents.CloudEvent;
import org.liuhua.events.EventTypes;
import org.liuhua.kit.outbox.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.liuhua.kit.store.StoreOutage;

/**
 * The one way a consumer dispatches: each event type (read from the payload record's {@code @EventType}) maps to a
 * typed handler; types nobody registered are ignored (a producer may add types at any time). A listener declares its
 * router once and hands every record to {@link #route}:
 *
 * <pre>{@code
 * private final EventRouter router = EventRouter.named("hazard-service/grid")
 *         .on(EstablishmentRegistered.class, known::apply)
 *         .on(PatrolFindingRecorded.class, intake::fromPatrol)
 *         .build();
 *
 * @KafkaListener(topics = Topics.GRID, groupId = "hazard-service")
 * void on(CloudEvent event) { router.route(event); }
 * }</pre>
 *
 * A payload that cannot be read, or a handler that throws, fails the record: the kit's error handler retries it and
 * then sends it to the dead-letter topic; a failure because the store is away ({@link StoreOutage}) is retried until
 * the store is back instead ({@link ConsumerErrorHandler}). Handlers must be idempotent (key their effect by aggregate id and revision,
 * or by event id with {@link ProcessedEvents}: see {@link Builder#deduplicatedBy}).
 */
public final class EventRouter {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    private final String name;
    private final Map<String, BiConsumer<CloudEvent, byte[]>> handlers;
    private final ProcessedEvents ledger;

    private EventRouter(String name, Map<String, BiConsumer<CloudEvent, byte[]>> handlers, ProcessedEvents ledger) {
        this.name = name;
        this.handlers = Map.copyOf(handlers);
        this.ledger = ledger;
    }

    /** Starts a router; the name appears in logs and, with a ledger, keys the processed-events records. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The event types this router handles. */
    public Set<String> types() {
        return handlers.keySet();
    }

    /**
     * Dispatches one event to its handler.
     *
     * @return false when the type is not handled here or (with a ledger) the event was already applied
     */
    public boolean route(CloudEvent event) {
        BiConsumer<CloudEvent, byte[]> handler = handlers.get(event.getType());
        if (handler == null) {
            log.debug("{}: ignoring {} {}", name, event.getType(), event.getId());
            return false;
        }
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        if (data == null) {
            throw new IllegalArgumentException("event " + event.getId() + " of type " + event.getType() + " has no data");
        }
        if (ledger == null) {
            handler.accept(event, data);
            return true;
        }
        if (!ledger.markApplied(name, event.getId())) {
            log.debug("{}: {} {} already applied", name, event.getType(), event.getId());
            return false;
        }
        try {
            handler.accept(event, data);
            return true;
        } catch (RuntimeException failed) {
            ledger.forget(name, event.getId());
            throw failed;
        }
    }

    public static final class Builder {

        private final String name;
        private final Map<String, BiConsumer<CloudEvent, byte[]>> handlers = new LinkedHashMap<>();
        private ProcessedEvents ledger;

        private Builder(String name) {
            this.name = name;
        }

        /** Handles the events of a payload type, read as that type. */
        public <P> Builder on(Class<P> payloadType, Consumer<P> handler) {
            return on(payloadType, payloadType, (payload, event) -> handler.accept(payload));
        }

        /** Handles the events of a payload type with the envelope (id, time, subject) at hand. */
        public <P> Builder on(Class<P> payloadType, BiConsumer<P, CloudEvent> handler) {
            return on(payloadType, payloadType, handler);
        }

        /**
         * Handles the events of a payload type read as a view of the fields this consumer needs (a read model that
         * treats several event types alike reads them all as one view).
         */
        public <V> Builder on(Class<?> payloadType, Class<V> readAs, BiConsumer<V, CloudEvent> handler) {
            String type = EventTypes.typeOf(payloadType);
            if (handlers.putIfAbsent(type, (event, data) -> handler.accept(EventJson.read(data, readAs), event))
                    != null) {
                throw new IllegalStateException(name + ": two handlers for " + type);
            }
            return this;
        }

        /**
         * Applies each event at most once by recording its id first (for effects that carry no key of their own,
         * such as sending a notification); the record is removed again when the handler fails, so a retry applies it.
         */
        public Builder deduplicatedBy(ProcessedEvents processedEvents) {
            this.ledger = processedEvents;
            return this;
        }

        public EventRouter build() {
            return new EventRouter(name, handlers, ledger);
        }
    }
}
