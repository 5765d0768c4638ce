package org.liuhua.reporting.audit.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.audit.AuditRecorded;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.reporting.audit.AuditEntry;
import org.liuhua.reporting.audit.AuditLog;
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

    private final AuditLog auditLog;
    final EventRouter router;

    AuditEventsListener(AuditLog auditLog) {
        this.auditLog = auditLog;
        this.router = EventRouter.named("reporting-service/audit").on(AuditRecorded.class, this::record).build();
    }

    @KafkaListener(topics = Topics.AUDIT, groupId = "reporting-service-audit")
    void on(CloudEvent event) {
        router.route(event);
    }

    private void record(AuditRecorded recorded) {
        if (!auditLog.add(AuditEntry.of(recorded))) {
            log.debug("audit entry {} already stored", recorded.auditId());
        }
    }
}
