package org.liuhua.events.hazard;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The department a hazard was transferred to refused it with a reason (not its supervision duty): the hazard is back
 * with the town ({@code state} REPORTED) to be transferred again. Key: {@code hazardId}.
 *
 * <p>Like every hazard event it carries the hazard's {@link HazardSnapshot} and {@code revision}, the aggregate's event
 * counter: consumers ignore events whose revision is not newer than theirs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.transfer-refused.v1", topic = Topics.HAZARD)
public record HazardTransferRefused(
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
        String refusedDepartmentId,
        String reason,
        String industry) {

    /** The event of a hazard: its {@link HazardSnapshot} fills the fields every hazard event carries. */
    public HazardTransferRefused(HazardSnapshot hazard, String refusedDepartmentId, String reason) {
        this(hazard.hazardId(), hazard.establishmentId(), hazard.townId(), hazard.departmentId(), hazard.category(),
                hazard.severity(), hazard.source(), hazard.state(), hazard.deadline(), hazard.overdue(),
                hazard.revision(), hazard.occurredAt(), hazard.actor(), hazard.actorRole(), refusedDepartmentId,
                reason, hazard.industry());
    }
}
