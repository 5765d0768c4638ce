package org.liuhua.hazard.publicreport;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * The indexes of the public report lists. A report is tracked by its code, which is its {@code _id}, and a reward is
 * kept by the report's code too: those lookups need no index of their own.
 */
@Configuration(proxyBeanMethods = false)
class PublicReportIndexes {

    /** A town's reports (by state), or every town's, newest first. */
    @Bean
    CollectionIndexes publicReportListIndexes() {
        return CollectionIndexes.of(PublicReports.REPORTS, on("townId", "state", "receivedAt"),
                on("townId", "receivedAt"), on("state", "receivedAt"), on("receivedAt"));
    }

    /** A town's rewards, or every town's, newest first. */
    @Bean
    CollectionIndexes rewardListIndexes() {
        return CollectionIndexes.of(PublicReports.REWARDS, on("townId", "createdAt"), on("createdAt"));
    }
}
