package org.liuhua.kit.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param collections  MongoDB collections whose documents carry an embedded {@code outbox} array
 * @param pollInterval how often the relay sweeps every collection for pending events that no hint announced
 *                     (writes of other replicas, failed sends; ADR 11) — a write in this process is published
 *                     at once
 * @param batchSize    documents taken per collection and poll
 * @param sendTimeout  how long a send may take before the relay tries again later
 * @param leaseTtl     how long one replica holds the relay lease before another may take over
 * @param quietSweepInterval the longest pause between two sweeps while sweeps find nothing, no pass failed and no
 *                     hint was dropped: each quiet sweep doubles the pause from {@code pollInterval} up to this;
 *                     anything found or failed goes back to {@code pollInterval} (a document whose send failed is
 *                     tried again by its own hint). On the MongoDB stand-in a sweep scans every outbox collection
 *                     (15 s at 1,000,000 documents), so a quiet platform stops paying that every 2 s (ADR 14); with
 *                     several replicas of a service (writes of a replica without the lease are found only by the
 *                     holder's sweep) set it to {@code pollInterval}, as deploy/ does. Default 5 minutes; never
 *                     shorter than {@code pollInterval}.
 */
@ConfigurationProperties("liuhua.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, int batchSize, Duration sendTimeout,
                               Duration leaseTtl, Duration quietSweepInterval) {

    /** Without a quiet interval of its own: the default (5 minutes). */
    public OutboxProperties(List<String> collections, Duration pollInterval, int batchSize, Duration sendTimeout,
                            Duration leaseTtl) {
        this(collections, pollInterval, batchSize, sendTimeout, leaseTtl, null);
    }

    @ConstructorBinding
    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
        quietSweepInterval = quietSweepInterval == null ? Duration.ofMinutes(5) : quietSweepInterval;
        if (quietSweepInterval.compareTo(pollInterval) < 0) {
            quietSweepInterval = pollInterval;
        }
    }
}
