package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An inspector's data changed (name, employment) or the inspector retired ({@code retiredAt} set; their unit bindings
 * end then, each with its own {@code inspector-unbound}). Carries no phone number. Key: {@code inspectorId}.
 * Consumers keep the highest {@code revision}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.inspector-changed.v1", topic = Topics.GRID)
public record InspectorChanged(
        String inspectorId,
        String name,
        String employment,
        String townId,
        Instant retiredAt,
        String changedBy,
        Instant changedAt,
        long revision) {
}
