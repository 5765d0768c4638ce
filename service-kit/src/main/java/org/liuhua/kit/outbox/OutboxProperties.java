package org.liuhua.kit.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  MongoDB collections whose documents carry an embedded {@code outbox} array
 * @param pollInterval how often the relay sweeps every collection for pending events that no hint announced
 *                     (writes of other replicas, failed sends; ADR 11) — a write in this process is published
 *                     at once
 * @param batchSize    documents taken per collection and poll
 * @param sendTimeout  how long a send may take before the relay tries again later
 * @param leaseTtl     how long one replica holds the relay lease before another may take over
 */
@ConfigurationProperties("liuhua.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, int batchSize, Duration sendTimeout,
                               Duration leaseTtl) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
    }
}
