package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A person's safety role at an establishment ended. Key: {@code establishmentId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.officer-unbound.v1", topic = Topics.GRID)
public record OfficerUnbound(
        String establishmentId,
        String personId,
        String role,
        String townId,
        Instant unboundAt,
        String changedBy) {
}
