package org.liuhua.events.hazard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What every hazard event says about the hazard it belongs to: the hazard as it is after the event, its event counter
 * and who caused the event. The aggregate builds it in one place; each event record takes it in its snapshot
 * constructor and carries its fields at the top level, so a consumer keeps a read model from any single event and the
 * wire format is flat (this record is never serialized by itself).
 *
 * @param hazardId        the ticket id (the events' key)
 * @param establishmentId the establishment the hazard was found at
 * @param townId          town of the establishment
 * @param departmentId    supervising department of the establishment, when known
 * @param category        hazard category code
 * @param severity        GENERAL or MAJOR
 * @param source          where the hazard was found (ENTERPRISE_SELF_CHECK, GRID_PATROL, …)
 * @param state           state after the event
 * @param deadline        rectification deadline
 * @param overdue         whether the rectification is overdue after the event
 * @param revision        the aggregate's event counter after this event (consumers guard with it)
 * @param occurredAt      when it happened
 * @param actor           subject of who caused it ({@code system} for the scheduler)
 * @param actorRole       the role they acted in
 * @param industry        industry code of the establishment (from grid's register), when known; added later, so
 *                        null in events written before it
 */
public record HazardSnapshot(
        String hazardId,
        String establishmentId,
        String townId,
        String departmentId,
        String category,
        String severity,
        String source,
        String state,
        LocalDate deadline,
        boolean overdue,
        long revision,
        Instant occurredAt,
        String actor,
        String actorRole,
        String industry) {
}
