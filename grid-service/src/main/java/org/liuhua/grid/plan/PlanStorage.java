package org.liuhua.grid.plan;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * Where the plan feature keeps its own data: the hazards made of patrol findings ({@link FindingHazards}); the
 * assessment counts the closed ones among an inspector's findings of a month.
 */
@Configuration(proxyBeanMethods = false)
class PlanStorage {

    static final String FINDING_HAZARDS = "finding_hazards";

    @Bean
    CollectionIndexes findingHazardIndexes() {
        return CollectionIndexes.of(FINDING_HAZARDS, on("findingId", "closed"));
    }
}
