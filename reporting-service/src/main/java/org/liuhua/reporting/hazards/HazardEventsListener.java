package org.liuhua.reporting.hazards;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.EventTypes;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardReported;
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
    private static final String REPORTED = EventTypes.typeOf(HazardReported.class);

    private final MongoTemplate mongo;

    HazardEventsListener(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = "reporting-service")
    void on(CloudEvent event) {
        if (REPORTED.equals(event.getType())) {
            HazardReported reported = EventJson.read(event, HazardReported.class);
            reported(reported);
            log.info("counted hazard {} of {} ({})", reported.hazardId(), reported.townId(), event.getType());
        } else {
            log.debug("ignoring {}", event.getType());
        }
    }

    void reported(HazardReported e) {
        Update update = new Update()
                .set("establishmentId", e.establishmentId())
                .set("townId", e.townId())
                .set("category", e.category())
                .set("severity", e.severity())
                .set("source", e.source())
                .set("state", "REPORTED")
                .set("reportedAt", e.reportedAt())
                .set("deadline", e.deadline())
                .set("revision", e.version());
        applyIfNewer(e.hazardId(), e.version(), update);
    }

    /** Applies the update when the stored revision is older than {@code revision} (or nothing is stored yet). */
    boolean applyIfNewer(String hazardId, long revision, Update update) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(hazardId).and("revision").lt(revision));
        try {
            return mongo.upsert(olderOrAbsent, update, Document.class, COLLECTION).getMatchedCount() > 0
                    || mongo.exists(new Query(Criteria.where("_id").is(hazardId).and("revision").is(revision)),
                    COLLECTION);
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }
}
