package org.liuhua.hazard.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound webhooks of third-party firms ({@code liuhua.hazard.webhooks.*}).
 *
 * @param enabled           whether this replica schedules delivery passes (default true)
 * @param allowHttpLoopback accept {@code http://} endpoints on a loopback address (local runs and tests only; default
 *                          false: HTTPS to a public address only)
 * @param pollInterval      how often the delivery pass looks for due deliveries (default 1 s)
 * @param leaseTtl          how long one replica holds the {@code hazard-webhooks} lease (default 30 s)
 * @param firstRetryAfter   the wait after the first failed attempt; doubled after each further failure (default 1 s)
 * @param maxRetryAfter     the longest wait between attempts (default 10 min)
 * @param maxAttempts       attempts before a delivery is given up as FAILED (default 12: about an hour of retries)
 * @param timeout           connect and answer timeout of one attempt (default 5 s)
 * @param batchSize         deliveries attempted per pass (default 50)
 * @param loopbackPorts     loopback ports to which {@code http://} endpoints are accepted even without
 *                          {@code allowHttpLoopback} (a receiver the operator runs beside the platform, e.g. the
 *                          end-to-end tests' own; default none): every other loopback port stays refused
 */
@ConfigurationProperties("liuhua.hazard.webhooks")
public record WebhookProperties(Boolean enabled, Boolean allowHttpLoopback, Duration pollInterval, Duration leaseTtl,
                                Duration firstRetryAfter, Duration maxRetryAfter, Integer maxAttempts,
                                Duration timeout, Integer batchSize,
                                java.util.List<Integer> loopbackPorts) {

    public WebhookProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        allowHttpLoopback = allowHttpLoopback == null ? Boolean.FALSE : allowHttpLoopback;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(30) : leaseTtl;
        firstRetryAfter = firstRetryAfter == null ? Duration.ofSeconds(1) : firstRetryAfter;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofMinutes(10) : maxRetryAfter;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        batchSize = batchSize == null ? 50 : batchSize;
        loopbackPorts = loopbackPorts == null ? java.util.List.of() : java.util.List.copyOf(loopbackPorts);
    }

    /** Whether {@code http://} to a loopback address on {@code port} is accepted. */
    public boolean acceptsHttpLoopback(int port) {
        return allowHttpLoopback || loopbackPorts.contains(port);
    }

    /** The wait after {@code failedAttempts} failures: first, doubled each time, at most the maximum. */
    public Duration retryAfter(int failedAttempts) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxRetryAfter) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }
}
