package org.liuhua.hazard.intake;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The patrol findings' withdrawals kept before their finding came ({@link PatrolFindings}) are read by {@code _id}. */
@Configuration(proxyBeanMethods = false)
class IntakeIndexes {

    @Bean
    CollectionIndexes withdrawnPatrolFindingIndexes() {
        return CollectionIndexes.of(PatrolFindings.WITHDRAWN);
    }
}
