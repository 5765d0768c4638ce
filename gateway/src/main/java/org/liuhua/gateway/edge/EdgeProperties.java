package org.liuhua.gateway.edge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces before a request reaches a service.
 *
 * @param rateLimit       per client (token {@code azp}) or, anonymous, per remote address
 * @param publicRateLimit the tighter limit on {@code /api/v1/public/**} (no token needed there)
 * @param maxBodySize     largest request body accepted (413 above it)
 */
@ConfigurationProperties("liuhua.gateway")
public record EdgeProperties(RateLimit rateLimit, RateLimit publicRateLimit, DataSize maxBodySize) {

    public EdgeProperties {
        rateLimit = rateLimit == null ? new RateLimit(true, 50, Duration.ofSeconds(1), 100) : rateLimit;
        publicRateLimit = publicRateLimit == null ? new RateLimit(true, 5, Duration.ofSeconds(1), 20)
                : publicRateLimit;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(12) : maxBodySize;
    }

    /**
     * A token bucket: {@code requests} tokens are added every {@code period}, up to {@code burst}.
     *
     * @param enabled  false turns the limit off
     * @param requests sustained requests per period
     * @param period   the period
     * @param burst    bucket size: how many requests may come at once
     */
    public record RateLimit(Boolean enabled, long requests, Duration period, long burst) {

        public RateLimit {
            enabled = enabled == null || enabled;
            requests = requests <= 0 ? 50 : requests;
            period = period == null || period.isZero() || period.isNegative() ? Duration.ofSeconds(1) : period;
            burst = burst <= 0 ? requests : burst;
        }
    }
}
