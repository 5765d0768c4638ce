package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An inspector completed a patrol (G-5). Key: {@code patrolId}. Only proven check-ins (within the
 * configured distance of the establishment) count toward coverage; both lists are given.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.patrol-completed.v1", topic = Topics.GRID)
public record PatrolCompleted(
        String patrolId,
        String inspectorId,
        String unitId,
        String townId,
        Instant startedAt,
        Instant completedAt,
        List<String> provenEstablishmentIds,
        List<String> unprovenEstablishmentIds,
        int findings) {
}
