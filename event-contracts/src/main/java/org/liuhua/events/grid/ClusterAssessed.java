package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An enterprise of an industrial cluster was assessed against the standardisation checklist (G-8,
 * 双七十). Key: {@code clusterId}. Carries the cluster's resulting pass rate and whether it is now standardised.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.cluster-assessed.v1", topic = Topics.GRID)
public record ClusterAssessed(
        String clusterId,
        String establishmentId,
        String townId,
        boolean passed,
        List<String> failedItems,
        Instant assessedAt,
        String assessor,
        int members,
        int passingMembers,
        boolean clusterStandardised) {
}
