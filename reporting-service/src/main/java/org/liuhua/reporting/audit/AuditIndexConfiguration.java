package org.liuhua.reporting.audit;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query paths of the audit list: newest first over everything, and each filter (subject or user name, action
 * prefix, target, time range) with the same order.
 */
@Configuration(proxyBeanMethods = false)
public class AuditIndexConfiguration {

    @Bean
    public CollectionIndexes auditRecordIndexes() {
        return CollectionIndexes.of(AuditLog.COLLECTION,
                CollectionIndexes.on("occurredAt"),
                CollectionIndexes.on("subject", "occurredAt"),
                CollectionIndexes.on("username", "occurredAt"),
                CollectionIndexes.on("targetId", "occurredAt"),
                CollectionIndexes.on("action", "occurredAt"));
    }
}
