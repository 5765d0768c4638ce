package org.liuhua.kit.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.outbox.OutboxEvent;
import org.liuhua.kit.outbox.OutboxHints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one write path of an aggregate with an embedded outbox. {@link #insert} writes a new aggregate with its
 * registered events in the {@code outbox} array; {@link #update} sets the aggregate's fields and <em>pushes only the
 * events registered since it was loaded</em>, guarded by the version it was loaded with. The outbox array is never
 * rewritten, so events the relay already published and removed can never come back, and a concurrent change of the
 * same aggregate fails with {@link StaleAggregateException} (409, or retried by {@link #change}) instead of being
 * overwritten. Each event is wrapped here (id, type, topic, key, time, trace context): the aggregate only registers
 * payloads.
 *
 * @param <T> the aggregate type; its {@code id} field is the document's {@code _id}
 */
public class AggregateStore<T extends AggregateRoot> {

    /** The embedded outbox array of every aggregate document. */
    public static final String OUTBOX = "outbox";
    static final String VERSION = "version";
    /**
     * {@code <id>#<version>}, unique: the version guard of {@link #update} is a lookup of this one field. (The MongoDB
     * stand-in uses an index only when a query names exactly its fields; {@code {_id, version}} would scan the
     * collection on every write, ADR 11.)
     */
    public static final String VERSION_KEY = "versionKey";
    static final int CHANGE_ATTEMPTS = 5;
    private static final List<String> NOT_SET = List.of("_id", VERSION, VERSION_KEY, OUTBOX, "registeredEvents",
            "registeredKeys");

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final String collection;
    private final Clock clock;

    public AggregateStore(MongoTemplate mongo, Class<T> type, String collection, Clock clock) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public String collection() {
        return collection;
    }

    public Optional<T> findById(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, type, collection));
    }

    /** The aggregate, or a 404 naming what was not found. */
    public T get(String id, String what) {
        return findById(id).orElseThrow(() -> new NotFoundException(what, id));
    }

    public List<T> find(Query query) {
        return mongo.find(query, type, collection);
    }

    public Optional<T> findOne(Query query) {
        return Optional.ofNullable(mongo.findOne(query, type, collection));
    }

    public long count(Query query) {
        return mongo.count(Query.of(query).limit(-1).skip(-1), collection);
    }

    public boolean exists(Query query) {
        return mongo.exists(query, collection);
    }

    /** One page of the aggregates matching a query, sorted and sliced by the pageable. */
    public Page<T> page(Query query, Pageable pageable) {
        long total = count(query);
        List<T> content = mongo.find(Query.of(query).with(pageable), type, collection);
        return new PageImpl<>(content, pageable, total);
    }

    /**
     * Writes a new aggregate and its registered events in one document. A second insert with the same id fails
     * with {@link DuplicateKeyException}, which is how ids derived from a source key de-duplicate.
     */
    public T insert(T aggregate) {
        // The version leads the document and update() sets it last: a read that sees a version sees the fields
        // written with it. (The embedded stand-in serializes a document while a concurrent update may still be
        // changing it; with the version at the end a command could load old fields under a new version and win.)
        Document document = new Document("_id", aggregate.aggregateId()).append(VERSION, 0L)
                .append(VERSION_KEY, versionKey(aggregate.aggregateId(), 0L));
        toDocument(aggregate).forEach(document::putIfAbsent);
        document.put(OUTBOX, wrap(aggregate));
        mongo.insert(document, collection);
        if (!aggregate.registeredEvents().isEmpty()) {
            OutboxHints.of(mongo).committed(collection, aggregate.aggregateId());
        }
        aggregate.markWritten(0L);
        return aggregate;
    }

    /**
     * Writes the aggregate's fields and appends its newly registered events, if the stored version is still the one
     * it was loaded with.
     *
     * @throws StaleAggregateException when another write came first; load again and repeat the command
     */
    public T update(T aggregate) {
        long loaded = aggregate.version();
        Document document = toDocument(aggregate);
        Update update = new Update();
        document.forEach((field, value) -> {
            if (!NOT_SET.contains(field)) {
                update.set(field, value);
            }
        });
        // the converter leaves out fields that are null: a field that became null is removed, not left as it was
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
                    String field = property.getFieldName();
                    if (!document.containsKey(field) && !NOT_SET.contains(field)) {
                        update.unset(field);
                    }
                });
        update.set(VERSION_KEY, versionKey(aggregate.aggregateId(), loaded + 1));
        update.set(VERSION, loaded + 1);
        List<Document> events = wrap(aggregate);
        if (!events.isEmpty()) {
            update.push(OUTBOX).each(events.toArray());
        }
        Query guard = new Query(Criteria.where(VERSION_KEY).is(versionKey(aggregate.aggregateId(), loaded)));
        if (mongo.updateFirst(guard, update, collection).getMatchedCount() == 0 && !updatedWrittenBefore(aggregate,
                loaded, update)) {
            throw new StaleAggregateException(type.getSimpleName(), aggregate.aggregateId(), loaded);
        }
        if (!events.isEmpty()) {
            OutboxHints.of(mongo).committed(collection, aggregate.aggregateId());
        }
        aggregate.markWritten(loaded + 1);
        return aggregate;
    }

    /** The value of {@link #VERSION_KEY} of an aggregate at a version. */
    public static String versionKey(String id, long version) {
        return id + "#" + version;
    }

    /**
     * A document written before {@link #VERSION_KEY} existed is guarded by its {@code _id} and version (a scan on
     * the stand-in, once per such document: the update gives it its key).
     */
    private boolean updatedWrittenBefore(T aggregate, long loaded, Update update) {
        Document stored = mongo.findById(aggregate.aggregateId(), Document.class, collection);
        if (stored == null || stored.containsKey(VERSION_KEY)) {
            return false;
        }
        Criteria sameVersion = loaded == 0 ? Criteria.where(VERSION).in(0L, 0, null) : Criteria.where(VERSION).is(loaded);
        Query guard = new Query(Criteria.where("_id").is(aggregate.aggregateId())
                .and(VERSION_KEY).exists(false).andOperator(sameVersion));
        return mongo.updateFirst(guard, update, collection).getMatchedCount() > 0;
    }

    /**
     * Loads, applies a command and updates, repeating the whole step (from a fresh load) when a concurrent write came
     * first. The command must only decide on the aggregate's state: it may run more than once.
     *
     * @return what the command returned
     */
    public <R> R change(String id, String what, Function<T, R> command) {
        StaleAggregateException last = null;
        for (int attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
            T aggregate = get(id, what);
            R result = command.apply(aggregate);
            if (aggregate.registeredEvents().isEmpty() && result == NO_CHANGE) {
                return result;
            }
            try {
                update(aggregate);
                return result;
            } catch (StaleAggregateException stale) {
                last = stale;
            }
        }
        throw last;
    }

    /** A command may return this to say it changed nothing, so {@link #change} skips the write. */
    public static final Object NO_CHANGE = new Object();

    private Document toDocument(T aggregate) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.remove("registeredEvents");
        document.remove("registeredKeys");
        return document;
    }

    private List<Document> wrap(T aggregate) {
        List<Document> wrapped = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Object> payloads = aggregate.registeredEvents();
        for (int i = 0; i < payloads.size(); i++) {
            OutboxEvent event = OutboxEvent.of(aggregate.registeredKey(i), payloads.get(i), now);
            Document entry = new Document();
            mongo.getConverter().write(event, entry);
            entry.remove("_class");
            wrapped.add(entry);
        }
        return wrapped;
    }
}
