package org.liuhua.reporting.audit;

import java.time.Instant;
import java.util.List;

import org.liuhua.events.audit.AuditRecorded;
import org.springframework.data.annotation.Id;

/**
 * One audited request of any service, as the city-wide audit query answers it; built only from
 * {@code liuhua.audit.recorded.v1} events (R-1: rebuildable by replaying {@code liuhua.audit}).
 */
public record AuditEntry(@Id String auditId, String service, String subject, String username, String clientId,
                         List<String> roles, String action, String targetId, Instant occurredAt, int status,
                         String outcome, String traceId) {

    /** The entry of an audit event; an event without id or time cannot be stored (it goes to the dead letters). */
    public static AuditEntry of(AuditRecorded e) {
        if (e.auditId() == null || e.occurredAt() == null) {
            throw new IllegalArgumentException("audit event " + e.auditId() + " lacks auditId or occurredAt");
        }
        return new AuditEntry(e.auditId(), e.service(), e.subject(), e.username(), e.clientId(),
                e.roles() == null ? List.of() : e.roles(), e.action(), e.targetId(), e.occurredAt(), e.status(),
                e.outcome(), e.traceId());
    }
}
