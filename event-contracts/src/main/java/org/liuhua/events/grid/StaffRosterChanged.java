package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The named safety staff of a town or a supervising department (G-7) changed: a person was added, changed or left.
 * Key: {@code rosterId} ({@code town:<id>} or {@code department:<id>}). Carries the current counts by post, never
 * names or phone numbers (personal data stays in grid-service). {@code ownerType} is TOWN or DEPARTMENT;
 * {@code townId} is the town's id for a town roster, null for a department; {@code fireStaff} is 0 for a department.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.staff-roster-changed.v1", topic = Topics.GRID)
public record StaffRosterChanged(
        String rosterId,
        String ownerType,
        String ownerId,
        String townId,
        int safetyStaff,
        int fireStaff,
        long revision,
        String changedBy,
        Instant changedAt) {
}
