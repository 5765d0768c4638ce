package org.liuhua.kit.audit;

import java.time.Instant;
import java.util.List;

import org.liuhua.kit.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;

/**
 * One audited request as the service keeps it in its audit collection; the embedded outbox holds the
 * {@code liuhua.audit.recorded.v1} event until the relay has published it.
 */
public record AuditLogEntry(@Id String id, String service, String subject, String username, String clientId,
                            List<String> roles, String action, String targetId, Instant occurredAt, int status,
                            String outcome, String traceId, List<OutboxEvent> outbox) {
}
