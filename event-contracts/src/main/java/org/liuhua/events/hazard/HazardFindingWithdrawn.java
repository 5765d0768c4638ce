package org.liuhua.events.hazard;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A patrol finding that opened or joined this hazard was withdrawn by its inspector (grid-service's
 * {@code patrol-finding-withdrawn}, accepted before grid learnt that the finding had become a hazard). When the
 * finding opened the hazard and nothing else has happened to it since — still REPORTED, no other finding joined it,
 * no one but its inspector and the scheduler acted on it — the hazard is voided: {@code voided} is true and
 * {@code state} is VOIDED (作废), a final state that counts nowhere. Otherwise the hazard stays as it is, {@code voided}
 * is false, and the withdrawal is on its history for the officers to judge. Key: {@code hazardId}.
 *
 * <p>Like every hazard event it carries the hazard's {@link HazardSnapshot} (establishment, town, department,
 * category, severity, source, {@code state} after the event, deadline, overdue flag) and {@code revision}, the
 * aggregate's event counter: consumers keep a read model from any single event and ignore events whose revision is
 * not newer than theirs. {@code actor} is the subject of who caused it, {@code actorRole} their role.
 *
 * @param findingRef  grid-service's finding key ({@code <patrolId>:<findingId>}), the hazard's or the corroboration's
 *                    source reference
 * @param reason      why the inspector withdrew it
 * @param withdrawnBy the user name of who withdrew it in grid-service
 * @param withdrawnAt when grid-service accepted the withdrawal
 * @param voided      whether the hazard was voided by it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.finding-withdrawn.v1", topic = Topics.HAZARD)
public record HazardFindingWithdrawn(
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
        String findingRef,
        String reason,
        String withdrawnBy,
        Instant withdrawnAt,
        boolean voided,
        String industry) {

    /** The event of a hazard: its {@link HazardSnapshot} fills the fields every hazard event carries. */
    public HazardFindingWithdrawn(HazardSnapshot hazard, String findingRef, String reason, String withdrawnBy,
                                  Instant withdrawnAt, boolean voided) {
        this(hazard.hazardId(), hazard.establishmentId(), hazard.townId(), hazard.departmentId(), hazard.category(),
                hazard.severity(), hazard.source(), hazard.state(), hazard.deadline(), hazard.overdue(),
                hazard.revision(), hazard.occurredAt(), hazard.actor(), hazard.actorRole(), findingRef, reason,
                withdrawnBy, withdrawnAt, voided, hazard.industry());
    }
}
