package org.liuhua.kit.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code Idempotency-Key} support of every POST, PUT and PATCH (ADR 10).
 *
 * @param enabled    on by default; off answers every request as if it had no key
 * @param ttl        how long a stored answer is replayed (default 24 h); the key's document expires then (TTL index
 *                   on {@code expireAt})
 * @param inProgress how long a first request may take before a repeat no longer gets 409 but is run again (default
 *                   2 min: a service killed in the middle of a request leaves its key behind)
 */
@ConfigurationProperties("liuhua.idempotency")
public record IdempotencyProperties(Boolean enabled, Duration ttl, Duration inProgress) {

    public IdempotencyProperties {
        enabled = enabled == null || enabled;
        ttl = ttl == null || ttl.isNegative() || ttl.isZero() ? Duration.ofHours(24) : ttl;
        inProgress = inProgress == null || inProgress.isNegative() || inProgress.isZero() ? Duration.ofMinutes(2)
                : inProgress;
    }
}
