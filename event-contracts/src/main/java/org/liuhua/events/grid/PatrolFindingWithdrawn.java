package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A patrol finding was withdrawn (recorded by mistake) before grid-service learnt that it became a hazard; it is
 * kept on the patrol, marked withdrawn, and no longer counts. Key: {@code <patrolId>:<findingId>}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.patrol-finding-withdrawn.v1", topic = Topics.GRID)
public record PatrolFindingWithdrawn(
        String findingId,
        String patrolId,
        String inspectorId,
        String establishmentId,
        String townId,
        String reason,
        String withdrawnBy,
        Instant withdrawnAt) {
}
