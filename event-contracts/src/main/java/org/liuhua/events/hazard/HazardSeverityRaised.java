package org.liuhua.events.hazard;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A general hazard was found to be major and raised (定为重大事故隐患), with the reason: from now on it is on the major
 * register and under its rules (supervision order before rectification, sign-off before close). Key: {@code hazardId}.
 *
 * <p>Like every hazard event it carries the hazard's {@link HazardSnapshot} ({@code severity} is MAJOR after the event)
 * and {@code revision}, the aggregate's event counter: consumers ignore events whose revision is not newer than theirs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.severity-raised.v1", topic = Topics.HAZARD)
public record HazardSeverityRaised(
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
        String previousSeverity,
        String reason,
        String industry) {

    /** The event of a hazard: its {@link HazardSnapshot} fills the fields every hazard event carries. */
    public HazardSeverityRaised(HazardSnapshot hazard, String previousSeverity, String reason) {
        this(hazard.hazardId(), hazard.establishmentId(), hazard.townId(), hazard.departmentId(), hazard.category(),
                hazard.severity(), hazard.source(), hazard.state(), hazard.deadline(), hazard.overdue(),
                hazard.revision(), hazard.occurredAt(), hazard.actor(), hazard.actorRole(), previousSeverity, reason,
                hazard.industry());
    }
}
