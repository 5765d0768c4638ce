package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An inspector was bound to a patrol unit (实体化). Key: {@code inspectorId}. {@code employment} is
 * FULL_TIME or PART_TIME. Services that scope data by inspector keep (inspectorId, unitId) pairs from this and
 * {@link InspectorUnbound}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.inspector-bound.v1", topic = Topics.GRID)
public record InspectorBound(
        String inspectorId,
        String name,
        String employment,
        String unitId,
        String townId,
        Instant boundAt,
        String changedBy) {
}
