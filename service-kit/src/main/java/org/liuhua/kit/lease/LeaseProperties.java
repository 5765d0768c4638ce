package org.liuhua.kit.lease;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a replica holds a named {@link MongoLease} before another may take the work over. The outbox relay's lease
 * is {@code liuhua.outbox.lease-ttl}.
 *
 * @param defaultTtl the time to live of a lease not named in {@code ttl} (default 1 minute)
 * @param ttl        time to live per lease name, e.g. {@code liuhua.lease.ttl.hazard-escalation=4m}
 */
@ConfigurationProperties("liuhua.lease")
public record LeaseProperties(Duration defaultTtl, Map<String, Duration> ttl) {

    public LeaseProperties {
        defaultTtl = defaultTtl == null || defaultTtl.isZero() || defaultTtl.isNegative() ? Duration.ofMinutes(1)
                : defaultTtl;
        ttl = ttl == null ? Map.of() : Map.copyOf(ttl);
    }

    /** The configured time to live of the named lease. */
    public Duration ttlOf(String name) {
        return ttl.getOrDefault(name, defaultTtl);
    }
}
