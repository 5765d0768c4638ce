package org.liuhua.training.establishment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Establishments and inspector→unit bindings as grid-service announces them (never asked for): for data scope, the
 * establishment's town, industry and department on every record, the kinds that must drill and the landlord/tenant
 * links of rental factories.
 */
@Component
public class KnownEstablishments {

    public static final String ESTABLISHMENTS = "establishments";
    public static final String BINDINGS = "inspector_bindings";
    /** Ended bindings by key ({@code _id} inspector:unit, {@code endedAt}): read by {@code _id} only. */
    static final String ENDED_BINDINGS = "inspector_bindings_ended";

    private final MongoTemplate mongo;

    KnownEstablishments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownEstablishment> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, KnownEstablishment.class,
                ESTABLISHMENTS));
    }

    public Map<String, KnownEstablishment> byIds(Collection<String> ids) {
        return mongo.find(new Query(Criteria.where("_id").in(ids)), KnownEstablishment.class, ESTABLISHMENTS)
                .stream().collect(Collectors.toMap(KnownEstablishment::id, Function.identity()));
    }

    /** Establishments matching a criterion (town, department, kind …); null = all. */
    public List<KnownEstablishment> where(Criteria criteria) {
        return mongo.find(criteria == null ? new Query() : new Query(criteria), KnownEstablishment.class,
                ESTABLISHMENTS);
    }

    public List<String> idsWhere(Criteria criteria) {
        Query query = new Query(criteria);
        query.fields().include("_id");
        return mongo.find(query, Document.class, ESTABLISHMENTS).stream().map(d -> d.getString("_id")).toList();
    }

    public List<KnownEstablishment> tenantsOf(String landlordId) {
        return mongo.find(new Query(Criteria.where("landlordId").is(landlordId)), KnownEstablishment.class,
                ESTABLISHMENTS);
    }

    /** Establishments in the patrol units an inspector is bound to. */
    public List<String> ofInspector(String inspectorId) {
        List<String> units = mongo.find(new Query(Criteria.where("inspectorId").is(inspectorId)), Document.class,
                BINDINGS).stream().map(d -> d.getString("unitId")).toList();
        return units.isEmpty() ? List.of() : idsWhere(Criteria.where("unitId").in(units));
    }

    /**
     * Keeps the snapshot when its revision is newer than the stored one (duplicates and stale events are dropped).
     * The tenant link's start is kept while the landlord stays the same.
     */
    public boolean applyIfNewer(KnownEstablishment e, Instant changedAt) {
        KnownEstablishment current = find(e.id()).orElse(null);
        if (current != null && current.revision() >= e.revision()) {
            return false;
        }
        Instant tenantSince = e.landlordId() == null ? null
                : current != null && Objects.equals(current.landlordId(), e.landlordId())
                && current.tenantSince() != null ? current.tenantSince() : changedAt;
        Query olderOrAbsent = new Query(Criteria.where("_id").is(e.id()).and("revision").lt(e.revision()));
        Update update = new Update().set("name", e.name()).set("kind", e.kind()).set("industry", e.industry())
                .set("departmentId", e.departmentId()).set("townId", e.townId()).set("unitId", e.unitId())
                .set("flags", e.flags()).set("employeeCount", e.employeeCount()).set("landlordId", e.landlordId())
                .set("tenantSince", tenantSince).set("revision", e.revision());
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

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        CollectionIndexes establishmentIndexes() {
            return CollectionIndexes.of(ESTABLISHMENTS, CollectionIndexes.on("townId"),
                    CollectionIndexes.on("departmentId"), CollectionIndexes.on("unitId"),
                    CollectionIndexes.on("landlordId"));
        }

        @Bean
        CollectionIndexes inspectorBindingIndexes() {
            return CollectionIndexes.of(BINDINGS, CollectionIndexes.on("inspectorId"));
        }
    }
}
