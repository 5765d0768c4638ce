package org.liuhua.reporting.projection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the projection runtime consumes ({@code liuhua.reporting.projection}).
 *
 * @param group            the service's consumer group; generation N consumes as {@code <group>-v<N>}
 *                         (default {@code reporting-service})
 * @param batchSize        the most records one poll hands to the projectors (default 500)
 * @param reconcileAtStart recompute the counters from the facts before consuming (default true)
 * @param rebuildTimeout   how long a rebuild may take to catch up before it is given up (default 6 h)
 */
@ConfigurationProperties("liuhua.reporting.projection")
public record ProjectionProperties(String group, Integer batchSize, Boolean reconcileAtStart,
                                   Duration rebuildTimeout) {

    public ProjectionProperties {
        group = group == null || group.isBlank() ? "reporting-service" : group;
        batchSize = batchSize == null || batchSize < 1 ? 500 : batchSize;
        reconcileAtStart = reconcileAtStart == null || reconcileAtStart;
        rebuildTimeout = rebuildTimeout == null || rebuildTimeout.isNegative() || rebuildTimeout.isZero()
                ? Duration.ofHours(6) : rebuildTimeout;
    }
}
