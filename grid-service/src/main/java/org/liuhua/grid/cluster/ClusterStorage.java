package org.liuhua.grid.cluster;

import java.time.Clock;

import org.liuhua.grid.cluster.domain.Cluster;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.liuhua.kit.store.CollectionIndexes.on;

/** Where clusters live: the collection, its store and the indexes of the cluster list (by town, sorted by name). */
@Configuration(proxyBeanMethods = false)
class ClusterStorage {

    static final String COLLECTION = "clusters";

    @Bean
    AggregateStore<Cluster> clusterStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Cluster.class, COLLECTION, clock);
    }

    @Bean
    CollectionIndexes clusterIndexes() {
        return CollectionIndexes.of(COLLECTION, on("townId", "name"), on("name"));
    }
}
