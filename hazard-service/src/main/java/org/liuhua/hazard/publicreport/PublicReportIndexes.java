package org.liuhua.hazard.publicreport;

import java.time.Clock;

import org.liuhua.hazard.publicreport.domain.Reward;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * The indexes of the public report lists, and the store of rewards. A report is tracked by its code, which is its
 * {@code _id}, and a reward is kept by its hazard's id: those lookups need no index of their own.
 */
@Configuration(proxyBeanMethods = false)
class PublicReportIndexes {

    /** A town's reports (by state), or every town's, newest first. */
    @Bean
    CollectionIndexes publicReportListIndexes() {
        return CollectionIndexes.of(PublicReports.REPORTS, on("townId", "state", "receivedAt"),
                on("townId", "receivedAt"), on("state", "receivedAt"), on("receivedAt"));
    }

    /** Rewards: aggregates with their steps' events in the embedded outbox (relayed by the kit). */
    @Bean
    AggregateStore<Reward> rewardStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Reward.class, PublicReports.REWARDS, clock);
    }

    /** A town's rewards, or every town's, newest first. */
    @Bean
    CollectionIndexes rewardListIndexes() {
        return CollectionIndexes.of(PublicReports.REWARDS, on("townId", "createdAt"), on("createdAt"));
    }
}
