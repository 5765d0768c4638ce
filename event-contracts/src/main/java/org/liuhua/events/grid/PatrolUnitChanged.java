package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A patrol unit (巡查单元) was created or changed. Key: {@code unitId}. {@code kind} is GENERAL or KEY.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.patrol-unit-changed.v1", topic = Topics.GRID)
public record PatrolUnitChanged(
        String unitId,
        String name,
        String kind,
        String gridId,
        String villageId,
        String townId,
        Instant changedAt,
        long revision) {
}
