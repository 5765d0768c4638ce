package org.liuhua.grid.plan;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Which patrol findings became hazards, which joined an existing hazard, and which of those hazards were closed
 * (G-6 "hazards found" and "followed to closure"), learnt from hazard-service's events: one document per hazard
 * ({@code _id} hazard id, {@code findingId} = the finding that opened it, {@code findingKeys} = every finding that
 * opened or joined it (keys {@code <patrolId>:<findingId>}, {@code Patrol.findingKey}), {@code establishmentId},
 * {@code closed}, {@code closedAt}). Each change is passed on to the inspectors' months ({@link InspectorMonths}). All
 * writes are upserts keyed by the hazard id or the finding key, so a re-delivered event changes nothing; hazard
 * events are keyed by hazard id, so a hazard's report and corroborations arrive before its closing (a finding joining
 * an already closed hazard is counted closed all the same).
 */
@Service
public class FindingHazards {

    private final MongoTemplate mongo;
    private final InspectorMonths months;

    FindingHazards(MongoTemplate mongo, InspectorMonths months) {
        this.mongo = mongo;
        this.months = months;
    }

    /** A hazard was reported from a patrol finding. */
    public void reported(String hazardId, String findingKey, String establishmentId) {
        Document hazard = mongo.findAndModify(byHazard(hazardId), new Update().set("findingId", findingKey)
                        .set("establishmentId", establishmentId).addToSet("findingKeys", findingKey)
                        .setOnInsert("closed", false),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
                PlanStorage.FINDING_HAZARDS);
        became(hazardId, findingKey, hazard);
    }

    /** A patrol finding joined an open hazard (hazard-service's corroboration) instead of opening its own. */
    public void joined(String hazardId, String findingKey) {
        Document hazard = mongo.findAndModify(byHazard(hazardId), new Update().addToSet("findingKeys", findingKey)
                        .setOnInsert("closed", false),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
                PlanStorage.FINDING_HAZARDS);
        became(hazardId, findingKey, hazard);
    }

    /**
     * The marker that a finding became (or joined) a hazard, read by {@code _id} ({@value #MARKER}{@code <finding
     * key>}) when a correction or withdrawal is asked for; the first hazard it became stays (setOnInsert). Then the
     * finding counts as a hazard found in its inspector's month (and as closed when the hazard already is).
     */
    private void became(String hazardId, String findingKey, Document hazard) {
        mongo.upsert(new Query(Criteria.where("_id").is(MARKER + findingKey)),
                new Update().setOnInsert("hazardId", hazardId), PlanStorage.FINDING_HAZARDS);
        months.hazard(findingKey, hazard != null && Boolean.TRUE.equals(hazard.getBoolean("closed")));
    }

    /** Prefix of the {@code _id} of the became-a-hazard markers (no hazard id starts with it). */
    public static final String MARKER = "finding:";

    /** A hazard was closed: every finding that opened or joined it counts as followed to closure. */
    public void closed(String hazardId, Instant closedAt) {
        Document hazard = mongo.findAndModify(byHazard(hazardId), new Update().set("closed", true)
                        .set("closedAt", closedAt),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
                PlanStorage.FINDING_HAZARDS);
        Set<String> keys = new LinkedHashSet<>();
        if (hazard != null) {
            if (hazard.getString("findingId") != null) {
                keys.add(hazard.getString("findingId"));
            }
            if (hazard.get("findingKeys") instanceof List<?> list) {
                list.forEach(k -> keys.add(String.valueOf(k)));
            }
        }
        keys.forEach(key -> months.hazard(key, true));
    }

    private static Query byHazard(String hazardId) {
        return new Query(Criteria.where("_id").is(hazardId));
    }
}
