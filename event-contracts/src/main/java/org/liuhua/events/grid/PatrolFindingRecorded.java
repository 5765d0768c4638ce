package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An inspector recorded a finding on a patrol; hazard-service turns it into a hazard with source
 * GRID_PATROL, exactly once per {@code findingId} (client-generated). Key: {@code findingId}. {@code severity} is
 * GENERAL or MAJOR; {@code foundAt} is the device time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.patrol-finding-recorded.v1", topic = Topics.GRID)
public record PatrolFindingRecorded(
        String findingId,
        String patrolId,
        String inspectorId,
        String establishmentId,
        String townId,
        String category,
        String severity,
        String description,
        String checklistItemId,
        Instant foundAt,
        Instant recordedAt) {
}
