package org.liuhua.reporting.audit;

import io.cloudevents.CloudEvent;
import org.liuhua.events.EventTypes;
import org.liuhua.events.Topics;
import org.liuhua.events.audit.AuditRecorded;
import org.liuhua.kit.outbox.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the city-wide audit log from every service's audit events. Idempotent: the entry's id is the audit id, so a
 * redelivered event hits the unique key and is dropped. Its own consumer group, so the audit trail can be replayed
 * without touching the statistics.
 */
@Component
class AuditEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AuditEventsListener.class);
    private static final String RECORDED = EventTypes.typeOf(AuditRecorded.class);

    private final AuditLog auditLog;

    AuditEventsListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @KafkaListener(topics = Topics.AUDIT, groupId = "reporting-service-audit")
    void on(CloudEvent event) {
        if (!RECORDED.equals(event.getType())) {
            log.debug("ignoring {}", event.getType());
            return;
        }
        AuditRecorded recorded = EventJson.read(event, AuditRecorded.class);
        if (recorded.auditId() == null || recorded.occurredAt() == null) {
            throw new IllegalArgumentException("audit event " + event.getId() + " lacks auditId or occurredAt");
        }
        if (!auditLog.add(AuditEntry.of(recorded))) {
            log.debug("audit entry {} already stored", recorded.auditId());
        }
    }
}
