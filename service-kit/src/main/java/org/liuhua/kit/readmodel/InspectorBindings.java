package org.liuhua.kit.readmodel;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A consumer's copy of grid-service's inspector→patrol-unit bindings, as its {@code InspectorBound} and
 * {@code InspectorUnbound} events announce them, for data scope. Two collections in the consuming service's database:
 * <ul>
 *   <li>{@value #BINDINGS}: the current bindings, {@code _id} = {@code inspectorId:unitId}, with {@code inspectorId},
 *   {@code unitId}, {@code townId} and {@code boundAt};</li>
 *   <li>{@value #ENDED}: the ledger of ended bindings, {@code _id} = {@code inspectorId:unitId} and the latest
 *   {@code endedAt}; read by {@code _id} only.</li>
 * </ul>
 * Grid's events may arrive twice or out of order; the ledger makes both writes idempotent and order-free: a binding
 * delivered after an unbinding at or after its time does not come back, and an unbinding removes a binding only if
 * it started at or before the end (a later binding again stays). Events without a time apply as they come.
 */
public class InspectorBindings {

    public static final String BINDINGS = "inspector_bindings";
    public static final String ENDED = "inspector_bindings_ended";

    private final MongoTemplate mongo;

    public InspectorBindings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The index {@link #unitsOf} needs: declare it as a {@link CollectionIndexes} bean in the consuming service. */
    public static CollectionIndexes indexes() {
        return CollectionIndexes.of(BINDINGS, CollectionIndexes.on("inspectorId"));
    }

    /** The patrol units an inspector is bound to now. */
    public List<String> unitsOf(String inspectorId) {
        return mongo.find(new Query(Criteria.where("inspectorId").is(inspectorId)), Document.class, BINDINGS)
                .stream().map(d -> d.getString("unitId")).toList();
    }

    /**
     * The inspector is bound to the unit from {@code boundAt} on. A binding that an unbinding at or after that time
     * already ended is not restored; without a time it applies.
     */
    public void bind(String inspectorId, String unitId, String townId, Instant boundAt) {
        String key = key(inspectorId, unitId);
        Document ended = mongo.findById(key, Document.class, ENDED);
        if (ended != null && boundAt != null && !ended.getDate("endedAt").toInstant().isBefore(boundAt)) {
            return;
        }
        mongo.upsert(new Query(Criteria.where("_id").is(key)), new Update().set("inspectorId", inspectorId)
                .set("unitId", unitId).set("townId", townId).set("boundAt", boundAt), BINDINGS);
    }

    /**
     * The inspector's binding to the unit ended at {@code endedAt}: removed unless it started later (a binding again),
     * and remembered by key with the latest end, so a binding delivered after its end does not come back.
     */
    public void unbind(String inspectorId, String unitId, Instant endedAt) {
        String key = key(inspectorId, unitId);
        Query byKey = new Query(Criteria.where("_id").is(key));
        if (endedAt == null) {
            mongo.remove(byKey, BINDINGS);
            return;
        }
        mongo.remove(new Query(Criteria.where("_id").is(key).orOperator(Criteria.where("boundAt").lte(endedAt),
                Criteria.where("boundAt").is(null))), BINDINGS);
        Query earlier = new Query(Criteria.where("_id").is(key).and("endedAt").lt(endedAt));
        if (mongo.updateFirst(earlier, new Update().set("endedAt", endedAt), ENDED).getMatchedCount() == 0
                && !mongo.exists(byKey, ENDED)) {
            try {
                mongo.insert(new Document("_id", key).append("endedAt", endedAt), ENDED);
            } catch (DuplicateKeyException concurrent) {
                mongo.updateFirst(earlier, new Update().set("endedAt", endedAt), ENDED);
            }
        }
    }

    private static String key(String inspectorId, String unitId) {
        return inspectorId + ":" + unitId;
    }
}
