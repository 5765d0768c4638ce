package org.liuhua.kit.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled    record state-changing requests (default true)
 * @param collection the service's audit collection; its documents carry the {@code liuhua.audit.recorded.v1} event
 *                   in an embedded outbox, and the relay publishes it to {@code liuhua.audit}
 * @param partitions partitions of the {@code liuhua.audit} topic when this service is the first to create it
 *                   (default 3)
 */
@ConfigurationProperties("liuhua.audit")
public record AuditProperties(Boolean enabled, String collection, Integer partitions) {

    public static final String DEFAULT_COLLECTION = "audit_log";

    public AuditProperties {
        enabled = enabled == null || enabled;
        collection = collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection;
        partitions = partitions == null || partitions <= 0 ? 3 : partitions;
    }
}
