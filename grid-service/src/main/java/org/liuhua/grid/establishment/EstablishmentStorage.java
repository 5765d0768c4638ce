package org.liuhua.grid.establishment;

import java.time.Clock;

import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.establishment.domain.UpdateProposal;
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
    /** Enterprise officers' proposed updates of their establishment's facts, with their review. */
    static final String PROPOSALS = "establishment_updates";

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
                on("officers.until", "officers.role"), on("officers.personId"), on("status"));
    }

    @Bean
    AggregateStore<UpdateProposal> updateProposalStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, UpdateProposal.class, PROPOSALS, clock);
    }

    /** The town's review list (by status, oldest first), the city's, and one establishment's (its pending one). */
    @Bean
    CollectionIndexes updateProposalIndexes() {
        return CollectionIndexes.of(PROPOSALS, on("townId", "status", "proposedAt"), on("status", "proposedAt"),
                on("establishmentId", "status"));
    }
}
