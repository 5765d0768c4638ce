package org.liuhua.hazard.evidence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sweep of pending photos never attached to a hazard ({@code liuhua.hazard.pending-photos.*}, ADR 0012).
 *
 * @param enabled   whether this replica schedules sweeps (default true; the integration tests run them themselves)
 * @param maxAge    how old a photo still on no hazard gets before it is discarded (default 30 days). It must be
 *                  positive (a start with zero or a negative age fails: it would discard photos apps are about to
 *                  send); make it longer than an app may stay offline between taking a photo and syncing the finding
 * @param interval  how often the sweep runs (default an hour; the first one an interval after start)
 * @param leaseTtl  how long one replica holds the {@code hazard-pending-photos} lease (default 50 minutes)
 * @param batchSize the most photos (and, separately, pending documents) one sweep looks at (default 1000; the rest
 *                  wait for the next sweep)
 */
@ConfigurationProperties("liuhua.hazard.pending-photos")
public record PendingPhotoProperties(Boolean enabled, Duration maxAge, Duration interval, Duration leaseTtl,
                                     Integer batchSize) {

    public PendingPhotoProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        if (maxAge != null && (maxAge.isZero() || maxAge.isNegative())) {
            throw new IllegalArgumentException("liuhua.hazard.pending-photos.max-age must be positive (was " + maxAge
                    + "): pending photos younger than it are kept");
        }
        maxAge = maxAge == null ? Duration.ofDays(30) : maxAge;
        interval = interval == null || interval.isZero() || interval.isNegative() ? Duration.ofHours(1) : interval;
        leaseTtl = leaseTtl == null || leaseTtl.isZero() || leaseTtl.isNegative() ? Duration.ofMinutes(50) : leaseTtl;
        batchSize = batchSize == null || batchSize <= 0 ? 1000 : batchSize;
    }
}
