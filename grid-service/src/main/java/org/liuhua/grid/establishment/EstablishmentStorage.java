package org.liuhua.grid.establishment;

import java.time.Clock;

import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * Where establishments live: the collection, its store, and an index for every filter and sort of the registry list
 * ({@link Establishments#list}), the safety-officer list (current bindings by role or person) and the lookups of the
 * other features (by unit for plans and coverage, by town for coverage and staffing).
 */
@Configuration(proxyBeanMethods = false)
class EstablishmentStorage {

    static final String COLLECTION = "establishments";

    @Bean
    AggregateStore<Establishment> establishmentStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Establishment.class, COLLECTION, clock);
    }

    @Bean
    CollectionIndexes establishmentIndexes() {
        return CollectionIndexes.of(COLLECTION,
                on("townId", "riskLevel"), on("unitId"), on("departmentId"), on("clusterId"), on("landlordId"),
                on("kind"), on("industry"), on("riskLevel"), on("flags"),
                on("name"), on("changedAt"),
                on("officers.until", "officers.role"), on("officers.personId"));
    }
}
