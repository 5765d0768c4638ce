package org.liuhua.events.hazard;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The department a hazard was transferred to passed it on to the department that supervises it, with a reason; the new
 * department must acknowledge by {@code acknowledgeBy} (the escalation of an unacknowledged transfer starts again).
 * Key: {@code hazardId}.
 *
 * <p>Like every hazard event it carries the hazard's {@link HazardSnapshot} and {@code revision}, the aggregate's event
 * counter: consumers ignore events whose revision is not newer than theirs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.transfer-rerouted.v1", topic = Topics.HAZARD)
public record HazardTransferRerouted(
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
        String fromDepartmentId,
        String toDepartmentId,
        String reason,
        Instant acknowledgeBy,
        String industry) {

    /** The event of a hazard: its {@link HazardSnapshot} fills the fields every hazard event carries. */
    public HazardTransferRerouted(HazardSnapshot hazard, String fromDepartmentId, String toDepartmentId, String reason,
                                  Instant acknowledgeBy) {
        this(hazard.hazardId(), hazard.establishmentId(), hazard.townId(), hazard.departmentId(), hazard.category(),
                hazard.severity(), hazard.source(), hazard.state(), hazard.deadline(), hazard.overdue(),
                hazard.revision(), hazard.occurredAt(), hazard.actor(), hazard.actorRole(), fromDepartmentId,
                toDepartmentId, reason, acknowledgeBy, hazard.industry());
    }
}
