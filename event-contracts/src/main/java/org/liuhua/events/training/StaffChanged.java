package org.liuhua.events.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A staff member's post, process, role or status changed, or their details were corrected (T-1). Key:
 * {@code staffId}. {@code change} POST, PROCESS, ROLE, LEFT or DETAILS; a post or process change requires induction
 * again ({@code missingInductionLevels}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.staff-changed.v1", topic = Topics.TRAINING)
public record StaffChanged(
        String staffId,
        String establishmentId,
        String townId,
        String change,
        String role,
        String post,
        String workshop,
        String status,
        LocalDate effectiveOn,
        List<String> missingInductionLevels,
        Instant changedAt) {
}
