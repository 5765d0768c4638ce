package org.liuhua.grid.plan;

import java.time.Instant;
import java.util.Collection;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Which patrol findings became hazards and which of those hazards were closed (G-6 "findings closed"), learnt from
 * hazard-service's events: one document per hazard ({@code _id} hazard id, {@code findingId} = the hazard's source
 * reference, the finding's key {@code <patrolId>:<findingId>} ({@code Patrol.findingKey}), {@code establishmentId},
 * {@code closed}, {@code closedAt}). Both writes are upserts keyed by the hazard id, so a re-delivered event changes
 * nothing; hazard events are keyed by hazard id, so a hazard's report arrives before its closing.
 */
@Service
public class FindingHazards {

    private final MongoTemplate mongo;

    FindingHazards(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A hazard was reported from a patrol finding. */
    public void reported(String hazardId, String findingId, String establishmentId) {
        mongo.upsert(byHazard(hazardId), new Update().set("findingId", findingId)
                .set("establishmentId", establishmentId).setOnInsert("closed", false), PlanStorage.FINDING_HAZARDS);
        became(hazardId, findingId);
    }

    /** A patrol finding joined an open hazard (hazard-service's corroboration) instead of opening its own. */
    public void joined(String hazardId, String findingId) {
        became(hazardId, findingId);
    }

    /**
     * The marker that a finding became (or joined) a hazard, read by {@code _id} ({@value #MARKER}{@code <finding
     * key>}) when a correction or withdrawal is asked for. It has no {@code findingId}, so the assessment's count of
     * closed hazards never sees it; the first hazard it became stays (setOnInsert).
     */
    private void became(String hazardId, String findingKey) {
        mongo.upsert(new Query(Criteria.where("_id").is(MARKER + findingKey)),
                new Update().setOnInsert("hazardId", hazardId), PlanStorage.FINDING_HAZARDS);
    }

    /** Prefix of the {@code _id} of the became-a-hazard markers (no hazard id starts with it). */
    public static final String MARKER = "finding:";

    /** A hazard was closed. */
    public void closed(String hazardId, Instant closedAt) {
        mongo.upsert(byHazard(hazardId), new Update().set("closed", true).set("closedAt", closedAt),
                PlanStorage.FINDING_HAZARDS);
    }

    /** How many of these findings' hazards are closed (by finding key, {@code <patrolId>:<findingId>}). */
    public long closedOf(Collection<String> findingIds) {
        return findingIds.isEmpty() ? 0 : mongo.count(new Query(Criteria.where("findingId").in(findingIds)
                .and("closed").is(true)), PlanStorage.FINDING_HAZARDS);
    }

    private static Query byHazard(String hazardId) {
        return new Query(Criteria.where("_id").is(hazardId));
    }
}
