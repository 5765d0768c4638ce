package org.liuhua.grid.region;

import java.time.Clock;

import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.region.domain.RegionNode;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * Where the region tree lives: the collections, their stores and the indexes the queries of {@link Regions} need
 * (lists by level and town or parent, sorted by name; units by town, kind and grid).
 */
@Configuration(proxyBeanMethods = false)
class RegionStorage {

    static final String REGIONS = "regions";
    static final String UNITS = "patrol_units";
    static final String DEPARTMENTS = "departments";

    @Bean
    AggregateStore<RegionNode> regionStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, RegionNode.class, REGIONS, clock);
    }

    @Bean
    AggregateStore<PatrolUnit> patrolUnitStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, PatrolUnit.class, UNITS, clock);
    }

    @Bean
    CollectionIndexes regionIndexes() {
        return CollectionIndexes.of(REGIONS, on("level", "townId"), on("level", "parentId"), on("level", "name"));
    }

    @Bean
    CollectionIndexes patrolUnitIndexes() {
        return CollectionIndexes.of(UNITS, on("townId", "kind"), on("gridId"), on("kind"), on("name"));
    }

    @Bean
    CollectionIndexes departmentIndexes() {
        return CollectionIndexes.of(DEPARTMENTS, on("name"));
    }
}
