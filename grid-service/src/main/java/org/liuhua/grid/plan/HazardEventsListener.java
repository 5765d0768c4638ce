package org.liuhua.grid.plan;

import java.time.Instant;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.kit.outbox.EventJson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Learns which patrol findings became hazards and which of those hazards were closed (G-6 "findings closed"). Reads
 * the hazard events leniently by type string. Both effects are upserts keyed by the hazard id, so a re-delivered event
 * changes nothing; hazard events are keyed by hazard id, so reported comes before closed.
 */
@Component
class HazardEventsListener {

    static final String REPORTED = "liuhua.hazard.reported.v1";
    static final String CLOSED = "liuhua.hazard.closed.v1";

    private final MongoTemplate mongo;

    HazardEventsListener(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = "grid-service")
    void on(CloudEvent event) {
        if (REPORTED.equals(event.getType())) {
            JsonNode payload = EventJson.read(event, JsonNode.class);
            if (!"GRID_PATROL".equals(text(payload, "source")) || text(payload, "sourceRef") == null
                    || text(payload, "hazardId") == null) {
                return;
            }
            mongo.upsert(new Query(Criteria.where("_id").is(text(payload, "hazardId"))),
                    new Update().set("findingId", text(payload, "sourceRef"))
                            .set("establishmentId", text(payload, "establishmentId"))
                            .setOnInsert("closed", false), FindingHazard.class);
        } else if (CLOSED.equals(event.getType())) {
            JsonNode payload = EventJson.read(event, JsonNode.class);
            String hazardId = text(payload, "hazardId");
            if (hazardId == null) {
                return;
            }
            String closedAt = text(payload, "closedAt");
            mongo.upsert(new Query(Criteria.where("_id").is(hazardId)),
                    new Update().set("closed", true).set("closedAt",
                            closedAt == null ? Instant.parse(event.getTime() == null ? Instant.now().toString()
                                    : event.getTime().toInstant().toString()) : Instant.parse(closedAt)),
                    FindingHazard.class);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
