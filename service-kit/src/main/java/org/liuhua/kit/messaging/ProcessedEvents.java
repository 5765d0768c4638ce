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
 * construction). Use it for effects that are not themselves keyed by the event: check {@link #seen}, apply the
 * effect, then {@link #markApplied}. Effects that are keyed by the event (an insert whose id derives from the event, a
 * version-guarded upsert) need no ledger: their own unique key is the guard.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean seen(String consumer, String eventId) {
        return mongo.exists(new Query(Criteria.where("_id").is(consumer + ":" + eventId)), COLLECTION);
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
}
