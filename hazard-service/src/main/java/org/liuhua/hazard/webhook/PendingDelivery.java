package org.liuhua.hazard.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * A delivery still to be made (collection {@code webhook_outbox}, keyed like its {@link Delivery}; removed when it is
 * delivered or given up, so the delivery pass reads only what is pending). {@code claimedUntil} is the lease of the
 * attempt in progress: one attempt at a time per delivery, even across replicas.
 */
record PendingDelivery(@Id String id, String firmId, String body, String eventType, int attempts, Instant nextAttemptAt,
                       Instant claimedUntil) {
}
