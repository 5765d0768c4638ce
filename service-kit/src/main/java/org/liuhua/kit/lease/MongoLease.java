package org.liuhua.kit.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A named lease in the {@code leases} collection so that work meant for one replica at a time (the outbox relay,
 * schedulers) runs on one. Acquire is a single conditional update (free, expired, or already ours) or the insert of
 * a new lease; a concurrent insert loses on the unique {@code _id}.
 */
public class MongoLease {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner;
    private final LeaseProperties properties;

    public MongoLease(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    public MongoLease(MongoTemplate mongo, Clock clock, String owner) {
        this(mongo, clock, owner, new LeaseProperties(null, null));
    }

    public MongoLease(MongoTemplate mongo, Clock clock, LeaseProperties properties) {
        this(mongo, clock, UUID.randomUUID().toString(), properties);
    }

    public MongoLease(MongoTemplate mongo, Clock clock, String owner, LeaseProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.owner = owner;
        this.properties = properties;
    }

    /** Takes or renews the named lease for its configured time to live ({@code liuhua.lease.ttl.<name>}). */
    public boolean tryAcquire(String name) {
        return tryAcquire(name, properties.ttlOf(name));
    }

    public boolean tryAcquire(String name, Duration ttl) {
        Instant now = clock.instant();
        Date expiresAt = Date.from(now.plus(ttl));
        Query takeable = new Query(Criteria.where("_id").is(name).orOperator(
                Criteria.where("owner").is(owner),
                Criteria.where("expiresAt").lt(Date.from(now))));
        Update take = new Update().set("owner", owner).set("expiresAt", expiresAt);
        if (mongo.updateFirst(takeable, take, COLLECTION).getMatchedCount() == 1) {
            return true;
        }
        if (mongo.exists(new Query(Criteria.where("_id").is(name)), COLLECTION)) {
            return false;
        }
        try {
            mongo.insert(new Document("_id", name).append("owner", owner).append("expiresAt", expiresAt), COLLECTION);
            return true;
        } catch (DuplicateKeyException lostRace) {
            return false;
        }
    }

    public void release(String name) {
        try {
            mongo.remove(new Query(Criteria.where("_id").is(name).and("owner").is(owner)), COLLECTION);
        } catch (RuntimeException ignored) {
            // shutting down: the lease expires by itself
        }
    }

    public String owner() {
        return owner;
    }
}
