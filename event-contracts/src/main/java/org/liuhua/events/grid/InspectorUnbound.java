package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An inspector's binding to a patrol unit ended. Key: {@code inspectorId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.inspector-unbound.v1", topic = Topics.GRID)
public record InspectorUnbound(
        String inspectorId,
        String unitId,
        String townId,
        Instant unboundAt,
        String changedBy) {
}
