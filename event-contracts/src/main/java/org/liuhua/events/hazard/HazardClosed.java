package org.liuhua.events.hazard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The hazard was closed (销号); the loop is complete. Key: {@code hazardId}.
 *
 * <p>Like every hazard event it carries the hazard's {@link HazardSnapshot} (establishment, town, department,
 * category, severity, source, {@code state} after the event, deadline, overdue flag) and {@code revision}, the
 * aggregate's event counter: consumers keep a read model from any single event and ignore events whose revision is
 * not newer than theirs. {@code actor} is the subject of who caused it ({@code system} for the scheduler),
 * {@code actorRole} their role.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.closed.v1", topic = Topics.HAZARD)
public record HazardClosed(
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
        Instant reportedAt,
        Instant closedAt,
        String enforcementKind,
        long daysOpen,
        String industry) {

    /** The event of a hazard: its {@link HazardSnapshot} fills the fields every hazard event carries. */
    public HazardClosed(HazardSnapshot hazard, Instant reportedAt, Instant closedAt, String enforcementKind,
                        long daysOpen) {
        this(hazard.hazardId(), hazard.establishmentId(), hazard.townId(), hazard.departmentId(), hazard.category(),
                hazard.severity(), hazard.source(), hazard.state(), hazard.deadline(), hazard.overdue(),
                hazard.revision(), hazard.occurredAt(), hazard.actor(), hazard.actorRole(), reportedAt, closedAt,
                enforcementKind, daysOpen, hazard.industry());
    }
}
