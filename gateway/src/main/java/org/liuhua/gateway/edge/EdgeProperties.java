package org.liuhua.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces before a request reaches a service.
 *
 * @param rateLimit            per user (token {@code sub}) or, for client-credentials tokens, per client
 *                             ({@code azp}), and per caller address; anonymous callers per address
 * @param publicRateLimit      the tighter limit on {@code /api/v1/public/**} (no token needed there), per address
 * @param maxBodySize          largest request body accepted (413 above it), except multipart uploads
 * @param maxMultipartBodySize largest {@code multipart/*} request body (evidence photos, spreadsheet imports)
 * @param trustedProxies       addresses or CIDR blocks of proxies in front of the gateway (the ingress controller)
 *                             whose {@code X-Forwarded-For} is believed; empty (the default): the peer of the
 *                             connection is the caller and every forwarded header a caller sends is ignored
 * @param slowBody             how slowly a request body may arrive before the gateway gives up on it
 */
@ConfigurationProperties("liuhua.gateway")
public record EdgeProperties(RateLimit rateLimit, RateLimit publicRateLimit, DataSize maxBodySize,
                             DataSize maxMultipartBodySize, List<String> trustedProxies, SlowBody slowBody) {

    public EdgeProperties {
        rateLimit = rateLimit == null ? new RateLimit(true, 50, Duration.ofSeconds(1), 100) : rateLimit;
        publicRateLimit = publicRateLimit == null ? new RateLimit(true, 5, Duration.ofSeconds(1), 20)
                : publicRateLimit;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxMultipartBodySize = maxMultipartBodySize == null ? DataSize.ofMegabytes(10) : maxMultipartBodySize;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        slowBody = slowBody == null ? new SlowBody(null, null, null) : slowBody;
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

    /**
     * A request body that trickles in ties up a connection and a service thread: after {@code grace} its average rate
     * must be at least {@code minRate} per second, and no more than {@code readTimeout} may pass without a byte
     * (otherwise 408 and the connection is closed). A 10 MiB photo at the minimum rate still takes 10 s at 1 MiB/s;
     * a phone on a slow line uploads far faster than the minimum.
     *
     * @param grace       how long any body may take before its rate is judged
     * @param minRate     average bytes per second required after the grace period
     * @param readTimeout longest pause between two reads of a request
     */
    public record SlowBody(Duration grace, DataSize minRate, Duration readTimeout) {

        public SlowBody {
            grace = grace == null ? Duration.ofSeconds(5) : grace;
            minRate = minRate == null ? DataSize.ofKilobytes(1) : minRate;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        }
    }
}
