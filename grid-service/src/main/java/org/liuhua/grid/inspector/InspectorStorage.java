package org.liuhua.grid.inspector;

import java.time.Clock;

import org.liuhua.grid.inspector.domain.Inspector;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * Where inspectors live: the collection, its store, and the indexes of the inspector list (by town and employment,
 * current binding to a unit, sorted by name) and of the binding archive (who was bound to a unit, ever).
 */
@Configuration(proxyBeanMethods = false)
class InspectorStorage {

    static final String COLLECTION = "inspectors";

    @Bean
    AggregateStore<Inspector> inspectorStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Inspector.class, COLLECTION, clock);
    }

    @Bean
    CollectionIndexes inspectorIndexes() {
        return CollectionIndexes.of(COLLECTION, on("townId", "employment"), on("unitBindings.unitId",
                "unitBindings.until"), on("employment"), on("name"));
    }
}
