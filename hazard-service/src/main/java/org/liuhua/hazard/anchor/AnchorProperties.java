package org.liuhua.hazard.anchor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The history-chain anchor ({@code liuhua.hazard.anchor.*}).
 *
 * @param enabled  whether this replica schedules anchor passes (default true)
 * @param interval how often the chain heads are anchored (default an hour; the first pass one interval after start)
 * @param leaseTtl how long one replica holds the {@code hazard-chain-anchor} lease (default 50 minutes)
 */
@ConfigurationProperties("liuhua.hazard.anchor")
public record AnchorProperties(Boolean enabled, Duration interval, Duration leaseTtl) {

    public AnchorProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        interval = interval == null ? Duration.ofHours(1) : interval;
        leaseTtl = leaseTtl == null ? Duration.ofMinutes(50) : leaseTtl;
    }
}
