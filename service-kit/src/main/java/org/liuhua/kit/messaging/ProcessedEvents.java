package org.liuhua.kit.messaging;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The ids of events a consumer has applied, one document each ({@code _id} = consumer + event id, unique by
 * construction). Insert-first: {@link #markApplied} claims the event atomically (the unique {@code _id} decides
 * between two deliveries racing), the effect follows, and {@link #forget} releases the claim when the effect failed
 * so a redelivery applies it. {@link EventRouter.Builder#deduplicatedBy} does exactly this. Effects that are keyed by
 * the event (an insert whose id derives from the event, a version-guarded upsert) need no ledger: their own unique key
 * is the guard.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records the event as applied; returns false when it already was. */
    public boolean markApplied(String consumer, String eventId) {
        try {
            mongo.insert(new Document("_id", consumer + ":" + eventId).append("consumer", consumer)
                    .append("eventId", eventId).append("appliedAt", Date.from(clock.instant())), COLLECTION);
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /** Releases a claim made by {@link #markApplied} whose effect failed. */
    public void forget(String consumer, String eventId) {
        mongo.remove(new Query(Criteria.where("_id").is(consumer + ":" + eventId)), COLLECTION);
    }
}
