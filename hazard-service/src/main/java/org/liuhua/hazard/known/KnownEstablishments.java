package org.liuhua.hazard.known;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The establishments and inspector→unit bindings hazard-service knows from grid events: a local read model of
 * grid-service's registry (not the owner), kept for data scope and for resolving a finding's town, department and
 * industry. Every write is idempotent (a version-guarded upsert, an upsert or a delete by key).
 */
@Component
public class KnownEstablishments {

    /** The collection keeps its name from before the read model was renamed, so deployed copies stay. */
    static final String ESTABLISHMENTS = "establishments";
    static final String BINDINGS = "inspector_bindings";
    /** Ended bindings by key ({@code _id} inspector:unit, {@code endedAt}): read by {@code _id} only. */
    static final String ENDED_BINDINGS = "inspector_bindings_ended";

    private final MongoTemplate mongo;

    KnownEstablishments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownEstablishment> find(String establishmentId) {
        return establishmentId == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(establishmentId, KnownEstablishment.class));
    }

    /** Establishments in the patrol units an inspector is bound to. */
    public List<String> ofInspector(String inspectorId) {
        List<String> units = mongo.find(new Query(Criteria.where("inspectorId").is(inspectorId)), Document.class,
                BINDINGS).stream().map(d -> d.getString("unitId")).toList();
        if (units.isEmpty()) {
            return List.of();
        }
        Query query = new Query(Criteria.where("unitId").in(units));
        query.fields().include("_id");
        return mongo.find(query, Document.class, ESTABLISHMENTS).stream().map(d -> d.getString("_id")).toList();
    }

    /** Keeps the snapshot when its revision is newer than the stored one (duplicates and stale events are dropped). */
    public boolean applyIfNewer(KnownEstablishment e) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(e.establishmentId()).and("revision")
                .lt(e.revision()));
        Update update = new Update().set("name", e.name()).set("townId", e.townId())
                .set("departmentId", e.departmentId()).set("industry", e.industry()).set("unitId", e.unitId())
                .set("revision", e.revision());
        try {
            return mongo.upsert(olderOrAbsent, update, ESTABLISHMENTS).getModifiedCount() > 0;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }

    /**
     * The inspector is bound to the unit from {@code boundAt} on. A binding that an unbinding at or after that time
     * already ended is not restored (grid's events may arrive twice or out of order); without a time it applies.
     */
    public void bind(String inspectorId, String unitId, String townId, Instant boundAt) {
        String key = inspectorId + ":" + unitId;
        Document ended = mongo.findById(key, Document.class, ENDED_BINDINGS);
        if (ended != null && boundAt != null && !ended.getDate("endedAt").toInstant().isBefore(boundAt)) {
            return;
        }
        mongo.upsert(new Query(Criteria.where("_id").is(key)), new Update().set("inspectorId", inspectorId)
                .set("unitId", unitId).set("townId", townId).set("boundAt", boundAt), BINDINGS);
    }

    /**
     * The inspector's binding to the unit ended at {@code endedAt}: removed unless it started later (a binding again),
     * and remembered by key, so a binding delivered after its end does not come back.
     */
    public void unbind(String inspectorId, String unitId, Instant endedAt) {
        String key = inspectorId + ":" + unitId;
        Query byKey = new Query(Criteria.where("_id").is(key));
        if (endedAt == null) {
            mongo.remove(byKey, BINDINGS);
            return;
        }
        mongo.remove(new Query(Criteria.where("_id").is(key).orOperator(Criteria.where("boundAt").lte(endedAt),
                Criteria.where("boundAt").is(null))), BINDINGS);
        Query earlier = new Query(Criteria.where("_id").is(key).and("endedAt").lt(endedAt));
        if (mongo.updateFirst(earlier, new Update().set("endedAt", endedAt), ENDED_BINDINGS).getMatchedCount() == 0
                && !mongo.exists(byKey, ENDED_BINDINGS)) {
            try {
                mongo.insert(new Document("_id", key).append("endedAt", endedAt), ENDED_BINDINGS);
            } catch (DuplicateKeyException concurrent) {
                mongo.updateFirst(earlier, new Update().set("endedAt", endedAt), ENDED_BINDINGS);
            }
        }
    }
}
