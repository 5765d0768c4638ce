package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An establishment moved to another patrol unit (or out of / into "no unit") from {@code effectiveFrom}; who was
 * responsible before that date is unchanged (the binding archive keeps the membership history). The full new
 * snapshot follows as {@code establishment-changed} with the same {@code revision}. Key: {@code establishmentId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.establishment-moved.v1", topic = Topics.GRID)
public record EstablishmentMoved(
        String establishmentId,
        String fromUnitId,
        String fromTownId,
        String toUnitId,
        String toTownId,
        Instant effectiveFrom,
        String reason,
        String changedBy,
        long revision) {
}
