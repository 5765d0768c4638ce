package org.liuhua.manual.establishment;

import java.util.List;
import java.util.Optional;

import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The local copies of grid-service's establishments ({@code establishments}, {@code _id} = establishment id). An
 * event applies only when it is newer than the copy: a version-guarded upsert, so a redelivered or reordered event
 * changes nothing.
 */
@Component
public class KnownEstablishments {

    public static final String COLLECTION = "establishments";

    private final MongoTemplate mongo;

    KnownEstablishments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the snapshot if it is newer than the stored one; returns whether it was applied. */
    public boolean applyIfNewer(KnownEstablishment snapshot) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(snapshot.id()).and("revision").lt(snapshot.revision()));
        Update update = new Update().set("name", snapshot.name()).set("kind", snapshot.kind())
                .set("industry", snapshot.industry()).set("departmentId", snapshot.departmentId())
                .set("townId", snapshot.townId()).set("unitId", snapshot.unitId()).set("flags", snapshot.flags())
                .set("clusterId", snapshot.clusterId()).set("revision", snapshot.revision());
        try {
            mongo.upsert(olderOrAbsent, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException newerIsStored) {
            return false;
        }
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
                    CollectionIndexes.on("departmentId"));
        }
    }
}
