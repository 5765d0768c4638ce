package org.liuhua.events.hazard;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A hidden hazard entered the closed loop (识别). Key: {@code hazardId}.
 *
 * @param hazardId       the ticket id
 * @param establishmentId the establishment the hazard was found at
 * @param townId         town of the establishment (data scope and cockpit roll-up)
 * @param category       hazard category code (e.g. FIRE_SAFETY, ELECTRICAL, DUST_EXPLOSION)
 * @param severity       GENERAL or MAJOR
 * @param source         ENTERPRISE_SELF_CHECK, GRID_PATROL, LAW_ENFORCEMENT, SUPERIOR_INSPECTION, THIRD_PARTY,
 *                       PUBLIC_REPORT or SENSOR
 * @param sourceRef      the source's own reference (patrol finding id, firm externalId, public report code), if any
 * @param description    what was found
 * @param reportedBy     subject of who recorded it
 * @param reportedAt     when it was recorded (server time)
 * @param deadline       rectification deadline
 * @param industry       industry of the establishment, when known
 * @param version        aggregate revision after this event (same as {@code revision}; kept for existing consumers)
 * @param departmentId   supervising department of the establishment, when known
 * @param state          state after the event (REPORTED)
 * @param revision       the aggregate's event counter after this event (consumers guard with it)
 * @param occurredAt     when it happened
 * @param actor          subject of who caused it
 * @param actorRole      the role they acted in
 * @param firmId         the third-party firm (client id) for source THIRD_PARTY, else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.reported.v1", topic = Topics.HAZARD)
public record HazardReported(
        String hazardId,
        String establishmentId,
        String townId,
        String category,
        String severity,
        String source,
        String sourceRef,
        String description,
        String reportedBy,
        Instant reportedAt,
        LocalDate deadline,
        String industry,
        long version,
        String departmentId,
        String state,
        long revision,
        Instant occurredAt,
        String actor,
        String actorRole,
        String firmId) {

    /**
     * The event of a newly reported hazard: its {@link HazardSnapshot} fills the fields every hazard event carries
     * ({@code overdue} is not part of this event, a new hazard never is; {@code version} repeats the revision).
     */
    public HazardReported(HazardSnapshot hazard, String sourceRef, String description, String reportedBy,
                          Instant reportedAt, String industry, String firmId) {
        this(hazard.hazardId(), hazard.establishmentId(), hazard.townId(), hazard.category(), hazard.severity(),
                hazard.source(), sourceRef, description, reportedBy, reportedAt, hazard.deadline(),
                industry != null ? industry : hazard.industry(),
                hazard.revision(), hazard.departmentId(), hazard.state(), hazard.revision(), hazard.occurredAt(),
                hazard.actor(), hazard.actorRole(), firmId);
    }
}
