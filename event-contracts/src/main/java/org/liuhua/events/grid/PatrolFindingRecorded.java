package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An inspector recorded a finding on a patrol; hazard-service turns it into a hazard with source
 * GRID_PATROL, exactly once per {@code findingId} (client-generated). Key: {@code findingId}. {@code severity} is
 * GENERAL or MAJOR; {@code foundAt} is the device time. {@code photoIds} are photos the inspector's app uploaded to
 * hazard-service's evidence store before the sync (pending, owned by the inspector; only the ids travel, never the
 * bytes): hazard-service attaches them to the hazard the finding becomes or joins as BEFORE evidence (added later:
 * empty in events written before it).
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
        Instant recordedAt,
        List<String> photoIds) {

    public PatrolFindingRecorded {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    /** A finding without photos (as every finding was before photos were carried). */
    public PatrolFindingRecorded(String findingId, String patrolId, String inspectorId, String establishmentId,
                                 String townId, String category, String severity, String description,
                                 String checklistItemId, Instant foundAt, Instant recordedAt) {
        this(findingId, patrolId, inspectorId, establishmentId, townId, category, severity, description,
                checklistItemId, foundAt, recordedAt, List.of());
    }
}
