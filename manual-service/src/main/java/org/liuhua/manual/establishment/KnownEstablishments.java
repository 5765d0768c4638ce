package org.liuhua.manual.establishment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.NewerRevisions;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The local copies of grid-service's establishments ({@code establishments}, {@code _id} = establishment id). An
 * event applies only when it is newer than the copy (the kit's {@link NewerRevisions}: by {@code _id} and the unique
 * revision key), so a redelivered or reordered event changes nothing.
 */
@Component
public class KnownEstablishments {

    public static final String COLLECTION = "establishments";

    private final MongoTemplate mongo;
    private final NewerRevisions revisions;

    KnownEstablishments(MongoTemplate mongo) {
        this.mongo = mongo;
        this.revisions = new NewerRevisions(mongo);
    }

    /** Keeps the snapshot if it is newer than the stored one; returns whether it was applied. */
    public boolean applyIfNewer(KnownEstablishment snapshot) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", snapshot.name());
        fields.put("kind", snapshot.kind());
        fields.put("industry", snapshot.industry());
        fields.put("departmentId", snapshot.departmentId());
        fields.put("townId", snapshot.townId());
        fields.put("unitId", snapshot.unitId());
        fields.put("flags", snapshot.flags());
        fields.put("clusterId", snapshot.clusterId());
        return revisions.applyIfNewer(COLLECTION, snapshot.id(), snapshot.revision(), fields);
    }

    public Optional<KnownEstablishment> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, KnownEstablishment.class,
                COLLECTION));
    }

    /** The establishment, or 404: manual-service knows only what grid-service announced. */
    public KnownEstablishment get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("establishment", id));
    }

    /** The establishments matching a filter (e.g. a town or a department), for lists that join them in memory. */
    public List<KnownEstablishment> find(Query filter) {
        return mongo.find(Query.of(filter).limit(20_000), KnownEstablishment.class, COLLECTION);
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        /** Lists by town and by department (the lagging list of a notice). */
        @Bean
        CollectionIndexes establishmentIndexes() {
            return CollectionIndexes.of(COLLECTION, CollectionIndexes.on("townId"),
                    CollectionIndexes.on("departmentId"), NewerRevisions.index());
        }
    }
}
