package org.liuhua.kit.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.liuhua.events.EventType;
import org.liuhua.events.EventTypes;
import org.liuhua.kit.web.TraceContext;

/**
 * An event waiting in the embedded outbox of the document whose change caused it. The document and its pending
 * events are written in one single-document atomic write; {@link OutboxRelay} publishes and then removes them.
 *
 * <p>The id field is {@code eventId}, not {@code id}: Spring Data would store a nested {@code id} as {@code _id}.
 *
 * @param eventId     event id, becomes the CloudEvents {@code id}; consumers deduplicate on it
 * @param type        CloudEvents type (versioned)
 * @param topic       topic of the owning service
 * @param key         record key: the aggregate id
 * @param payload     JSON of the payload record
 * @param occurredAt  when the change happened
 * @param traceparent W3C trace context of the request that caused it, so the trace continues in consumers
 */
public record OutboxEvent(String eventId, String type, String topic, String key, String payload, Instant occurredAt,
                          String traceparent) {

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** Wraps a payload record annotated with {@link EventType}; the trace of the current request is kept. */
    public static OutboxEvent of(String key, Object payload, Instant occurredAt) {
        EventType eventType = EventTypes.of(payload.getClass());
        return new OutboxEvent(UUID.randomUUID().toString(), eventType.value(), eventType.topic(), key,
                EventJson.write(payload), occurredAt, TraceContext.currentTraceparent());
    }
}
