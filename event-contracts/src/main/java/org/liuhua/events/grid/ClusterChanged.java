package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An industrial cluster (G-8) was registered or its members changed (an enterprise added or removed). Key:
 * {@code clusterId}. Carries all current members and the cluster's resulting pass count (signed-off passing
 * assessments of current members) and whether it is standardised, so a consumer can keep the 双七十 figures without
 * the assessments. {@code change} is CREATED, MEMBER_ADDED or MEMBER_REMOVED; {@code establishmentId} names the member
 * added or removed (null for CREATED).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.cluster-changed.v1", topic = Topics.GRID)
public record ClusterChanged(
        String clusterId,
        String name,
        String townId,
        String change,
        String establishmentId,
        List<String> memberIds,
        int members,
        int passingMembers,
        boolean clusterStandardised,
        String changedBy,
        Instant changedAt) {
}
