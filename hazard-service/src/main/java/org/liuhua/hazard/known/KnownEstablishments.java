package org.liuhua.hazard.known;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.liuhua.kit.readmodel.InspectorBindings;
import org.liuhua.kit.store.NewerRevisions;
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

    private final MongoTemplate mongo;
    private final InspectorBindings bindings;
    private final NewerRevisions revisions;

    KnownEstablishments(MongoTemplate mongo) {
        this.mongo = mongo;
        this.revisions = new NewerRevisions(mongo);
        this.bindings = new InspectorBindings(mongo);
    }

    public Optional<KnownEstablishment> find(String establishmentId) {
        return establishmentId == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(establishmentId, KnownEstablishment.class));
    }

    /** Establishments in the patrol units an inspector is bound to. */
    public List<String> ofInspector(String inspectorId) {
        List<String> units = bindings.unitsOf(inspectorId);
        if (units.isEmpty()) {
            return List.of();
        }
        Query query = new Query(Criteria.where("unitId").in(units));
        query.fields().include("_id");
        return mongo.find(query, Document.class, ESTABLISHMENTS).stream().map(d -> d.getString("_id")).toList();
    }

    /** The establishments of these units (by the {@code unitId} index). */
    public List<String> ofUnits(java.util.Collection<String> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        Query query = new Query(Criteria.where("unitId").in(units));
        query.fields().include("_id");
        return mongo.find(query, Document.class, ESTABLISHMENTS).stream().map(d -> d.getString("_id")).toList();
    }

    /**
     * A page of the known establishments that are named, or lie in one of the towns or units (a firm's contract
     * coverage). The named ones are read by {@code _id}; towns and units by their indexes.
     */
    public org.springframework.data.domain.Page<KnownEstablishment> covered(java.util.Collection<String> ids,
            java.util.Collection<String> townIds, java.util.Collection<String> unitIds,
            org.springframework.data.domain.Pageable pageable) {
        List<Criteria> any = new java.util.ArrayList<>();
        if (!ids.isEmpty()) {
            any.add(Criteria.where("_id").in(ids));
        }
        if (!townIds.isEmpty()) {
            any.add(Criteria.where("townId").in(townIds));
        }
        if (!unitIds.isEmpty()) {
            any.add(Criteria.where("unitId").in(unitIds));
        }
        Query query = new Query(any.size() == 1 ? any.get(0) : new Criteria().orOperator(any));
        long total = mongo.count(query, KnownEstablishment.class);
        List<KnownEstablishment> items = mongo.find(Query.of(query).with(pageable), KnownEstablishment.class);
        return new org.springframework.data.domain.PageImpl<>(items, pageable, total);
    }

    /** Keeps the snapshot when its revision is newer than the stored one (duplicates and stale events are dropped). */
    public boolean applyIfNewer(KnownEstablishment e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", e.name());
        fields.put("townId", e.townId());
        fields.put("departmentId", e.departmentId());
        fields.put("industry", e.industry());
        fields.put("unitId", e.unitId());
        return revisions.applyIfNewer(ESTABLISHMENTS, e.establishmentId(), e.revision(), fields);
    }

    /** The inspector→unit bindings grid announces, with their ledger of ended bindings (the kit's read model). */
    public InspectorBindings bindings() {
        return bindings;
    }
}
