package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An assessment of an enterprise of an industrial cluster against the standardisation checklist (G-8, 双七十) was
 * signed off by the town safety office and now counts. Key: {@code clusterId}. Carries the cluster's resulting pass
 * count and whether it is now standardised. Published at sign-off (an unsigned assessment counts for nothing, so its
 * recording changes no figure); {@code assessmentId}, {@code signedOffBy} and {@code signedOffAt} were added later
 * (null in events from before sign-off existed).
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
        boolean clusterStandardised,
        String assessmentId,
        String signedOffBy,
        Instant signedOffAt) {

    /** The fields of the first version (no sign-off). */
    public ClusterAssessed(String clusterId, String establishmentId, String townId, boolean passed,
                           List<String> failedItems, Instant assessedAt, String assessor, int members,
                           int passingMembers, boolean clusterStandardised) {
        this(clusterId, establishmentId, townId, passed, failedItems, assessedAt, assessor, members, passingMembers,
                clusterStandardised, null, null, null);
    }
}
