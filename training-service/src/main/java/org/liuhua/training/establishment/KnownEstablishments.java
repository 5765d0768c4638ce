package org.liuhua.training.establishment;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.liuhua.kit.readmodel.InspectorBindings;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.NewerRevisions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Establishments and inspector→unit bindings as grid-service announces them (never asked for): for data scope, the
 * establishment's town, industry and department on every record, the kinds that must drill and the landlord/tenant
 * links of rental factories.
 */
@Component
public class KnownEstablishments {

    public static final String ESTABLISHMENTS = "establishments";

    private final MongoTemplate mongo;
    private final NewerRevisions revisions;
    private final InspectorBindings bindings;

    KnownEstablishments(MongoTemplate mongo) {
        this.revisions = new NewerRevisions(mongo);
        this.mongo = mongo;
        this.bindings = new InspectorBindings(mongo);
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
        List<String> units = bindings.unitsOf(inspectorId);
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
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", e.name());
        fields.put("kind", e.kind());
        fields.put("industry", e.industry());
        fields.put("departmentId", e.departmentId());
        fields.put("townId", e.townId());
        fields.put("unitId", e.unitId());
        fields.put("flags", e.flags());
        fields.put("employeeCount", e.employeeCount());
        fields.put("landlordId", e.landlordId());
        fields.put("tenantSince", tenantSince);
        return revisions.applyIfNewer(ESTABLISHMENTS, e.id(), e.revision(), fields);
    }

    /** The inspector→unit bindings grid announces, with their ledger of ended bindings (the kit's read model). */
    public InspectorBindings bindings() {
        return bindings;
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        CollectionIndexes establishmentIndexes() {
            return CollectionIndexes.of(ESTABLISHMENTS, CollectionIndexes.on("townId"),
                    CollectionIndexes.on("departmentId"), CollectionIndexes.on("unitId"),
                    CollectionIndexes.on("landlordId"), NewerRevisions.index());
        }

        @Bean
        CollectionIndexes inspectorBindingIndexes() {
            return InspectorBindings.indexes();
        }
    }
}
