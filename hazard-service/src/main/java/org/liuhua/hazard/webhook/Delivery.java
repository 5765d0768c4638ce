package org.liuhua.hazard.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * One notification to one firm, as its delivery log shows it (collection {@code webhook_deliveries}, keyed by
 * {@code <firm>:<event id>}, so a redelivered event is one delivery): what was sent and every attempt.
 *
 * @param state PENDING, DELIVERED or FAILED (given up after the last attempt or when the webhook was removed)
 */
record Delivery(@Id String id, String firmId, String hazardId, String eventType, String eventId, String body,
                String state, List<Attempt> attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {

    /** One attempt: when, the receiver's HTTP status (null when none answered), the error, how long it took. */
    record Attempt(int number, Instant at, Integer status, String error, long durationMs) {
    }
}
