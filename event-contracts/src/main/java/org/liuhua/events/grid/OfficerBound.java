package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A person was bound to an establishment in a safety role. Key: {@code establishmentId}. {@code role} is
 * SAFETY_OFFICER, FIRE_SAFETY_OFFICER, FIRE_INSTRUCTOR, SAFETY_DIRECTOR or REGISTERED_SAFETY_ENGINEER.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.officer-bound.v1", topic = Topics.GRID)
public record OfficerBound(
        String establishmentId,
        String personId,
        String name,
        String role,
        String townId,
        Instant boundAt,
        String changedBy) {
}
