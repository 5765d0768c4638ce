package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A patrol finding was corrected before grid-service learnt that it became a hazard: the whole corrected finding.
 * Key: {@code <patrolId>:<findingId>} (as {@code patrol-finding-recorded}, so it follows the recording in order).
 * A consumer that already made a hazard of the finding may apply it while the hazard is still as reported, or
 * ignore it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.patrol-finding-corrected.v1", topic = Topics.GRID)
public record PatrolFindingCorrected(
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
        String correctedBy,
        Instant correctedAt) {
}
