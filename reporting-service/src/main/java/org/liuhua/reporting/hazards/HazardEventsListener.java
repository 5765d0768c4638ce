package org.liuhua.reporting.hazards;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.Topics;
import org.liuhua.kit.outbox.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link HazardFact} from the hazard topic. Every apply is a version-guarded upsert keyed by hazard id: a
 * duplicate or stale event matches no document with a lower revision, so the upsert's insert hits the unique id
 * and is dropped. Replaying the topic from the start rebuilds the same facts.
 */
@Component
class HazardEventsListener {

    static final String COLLECTION = "hazard_facts";
    private static final Logger log = LoggerFactory.getLogger(HazardEventsListener.class);
    private static final String PREFIX = "liuhua.hazard.";

    private final MongoTemplate mongo;

    HazardEventsListener(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = "reporting-service")
    void on(CloudEvent event) {
        if (!event.getType().startsWith(PREFIX)) {
            log.debug("ignoring {}", event.getType());
            return;
        }
        HazardChange change = EventJson.read(event, HazardChange.class);
        if (change.hazardId() == null || change.state() == null) {
            throw new IllegalArgumentException(event.getType() + " " + event.getId() + " lacks hazardId or state");
        }
        boolean applied = apply(event.getType().substring(PREFIX.length()), change);
        if (event.getType().equals("liuhua.hazard.reported.v1")) {
            log.info("counted hazard {} of {} ({})", change.hazardId(), change.townId(), event.getType());
        } else {
            log.debug("{} hazard {} -> {} (applied: {})", event.getType(), change.hazardId(), change.state(), applied);
        }
    }

    boolean apply(String what, HazardChange c) {
        Update update = new Update()
                .set("establishmentId", c.establishmentId())
                .set("townId", c.townId())
                .set("category", c.category())
                .set("severity", c.severity())
                .set("source", c.source())
                .set("state", c.state())
                .set("revision", c.revision())
                .set("lastEvent", what);
        setIfPresent(update, "departmentId", c.departmentId());
        setIfPresent(update, "deadline", c.deadline());
        setIfPresent(update, "overdue", c.overdue());
        setIfPresent(update, "updatedAt", c.occurredAt());
        if (what.startsWith("reported")) {
            setIfPresent(update, "reportedAt", c.reportedAt() != null ? c.reportedAt() : c.occurredAt());
        }
        if (what.startsWith("enforced")) {
            setIfPresent(update, "enforcementKind", c.kind());
            setIfPresent(update, "caseNumber", c.caseNumber());
            setIfPresent(update, "penaltyAmountCny", c.penaltyAmountCny() == null ? null
                    : c.penaltyAmountCny().doubleValue());
        }
        if (what.startsWith("closed")) {
            setIfPresent(update, "closedAt", c.closedAt() != null ? c.closedAt() : c.occurredAt());
        }
        if (what.startsWith("escalated") && c.level() != null) {
            update.max("escalationLevel", c.level());
        }
        return applyIfNewer(c.hazardId(), c.revision(), update);
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    /** Applies the update when the stored revision is older than {@code revision} (or nothing is stored yet). */
    boolean applyIfNewer(String hazardId, long revision, Update update) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(hazardId).and("revision").lt(revision));
        try {
            var result = mongo.upsert(olderOrAbsent, update, Document.class, COLLECTION);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }
}
