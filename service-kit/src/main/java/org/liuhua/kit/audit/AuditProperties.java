package org.liuhua.kit.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled    record state-changing requests (default true)
 * @param collection the service's audit collection; its documents carry the {@code liuhua.audit.recorded.v1} event
 *                   in an embedded outbox, and the relay publishes it to {@code liuhua.audit}
 */
@ConfigurationProperties("liuhua.audit")
public record AuditProperties(Boolean enabled, String collection) {

    public static final String DEFAULT_COLLECTION = "audit_log";

    public AuditProperties {
        enabled = enabled == null || enabled;
        collection = collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection;
    }
}
