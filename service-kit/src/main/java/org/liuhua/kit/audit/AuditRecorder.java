package org.liuhua.kit.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.liuhua.events.audit.AuditRecorded;
import org.liuhua.kit.outbox.OutboxEvent;
import org.liuhua.kit.outbox.OutboxHints;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes one audit entry, with its event in the same document (one atomic insert; the relay publishes the event). A
 * failure to write is logged, never turned into a failure of the request that was already handled.
 */
public class AuditRecorder {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String service;
    private final String collection;

    public AuditRecorder(MongoTemplate mongo, Clock clock, String service, AuditProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.service = service;
        this.collection = properties.collection();
    }

    /**
     * @param caller   who called; null for an anonymous request to a public endpoint
     * @param action   method and route pattern
     * @param targetId the object acted on, if known
     * @param status   the HTTP status answered
     */
    public AuditRecorded record(Caller caller, String action, String targetId, int status) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        AuditRecorded event = new AuditRecorded(id, service,
                caller == null ? null : caller.subject(),
                caller == null ? "anonymous" : caller.username(),
                caller == null ? null : caller.clientId(),
                caller == null ? List.of() : List.copyOf(caller.roles()),
                action, targetId, now, status, outcome(status), TraceContext.currentTraceId());
        AuditLogEntry entry = new AuditLogEntry(id, service, event.subject(), event.username(), event.clientId(),
                event.roles(), action, targetId, now, status, event.outcome(), event.traceId(),
                List.of(OutboxEvent.of(id, event, now)));
        try {
            mongo.insert(entry, collection);
            OutboxHints.of(mongo).committed(collection, id);
        } catch (RuntimeException e) {
            log.error("audit entry not written: {} {} by {} answered {}: {}", action, targetId, event.username(),
                    status, e.toString());
        }
        return event;
    }

    static String outcome(int status) {
        if (status == 401 || status == 403) {
            return "DENIED";
        }
        if (status >= 500) {
            return "FAILED";
        }
        if (status >= 400) {
            return "REJECTED";
        }
        return "SUCCEEDED";
    }
}
