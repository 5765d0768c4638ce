package org.liuhua.grid.patrol;

import java.time.Clock;

import org.liuhua.grid.patrol.domain.Patrol;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * Where patrols and their tracks live: the collections, the patrol store, and the indexes of the patrol list (by
 * inspector, unit or town, in a period of start times, sorted by start), of plans and coverage (patrols with a
 * check-in at an establishment) and of a patrol's track batches.
 */
@Configuration(proxyBeanMethods = false)
class PatrolStorage {

    static final String PATROLS = "patrols";
    static final String TRACKS = "patrol_tracks";

    @Bean
    AggregateStore<Patrol> patrolStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Patrol.class, PATROLS, clock);
    }

    @Bean
    CollectionIndexes patrolIndexes() {
        return CollectionIndexes.of(PATROLS, on("inspectorId", "startedAt"), on("unitId", "startedAt"),
                on("townId", "startedAt"), on("startedAt"), on("checkIns.establishmentId"));
    }

    @Bean
    CollectionIndexes trackIndexes() {
        return CollectionIndexes.of(TRACKS, on("patrolId", "receivedAt"));
    }
}
