package org.liuhua.events.training;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An induction level (COMPANY, WORKSHOP, TEAM) was recorded for a staff member (T-2), counted as training
 * person-times. Key: {@code staffId}. {@code complete} when no level is missing any more (先培训、再上岗).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.induction-recorded.v1", topic = Topics.TRAINING)
public record InductionRecorded(
        String inductionId,
        String staffId,
        String establishmentId,
        String townId,
        String level,
        LocalDate heldOn,
        double hours,
        boolean passed,
        boolean complete,
        Instant recordedAt) {
}
