package org.liuhua.hazard.loop;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.hazard.loop.domain.Severity;

/**
 * A hazard as a list shows it: what it is, where, its state and deadline, without its history, corroborations,
 * rectification, evidence or any person's name (the reporter by role only; the detail,
 * {@code GET /api/v1/hazards/{id}}, within the caller's scope, has those). Read straight from the stored
 * fields of the same names, nothing else is loaded.
 */
public record HazardSummary(String id, String establishmentId, String townId, String departmentId, String industry,
                            String category, Severity severity, HazardSource source, String sourceRef, String firmId,
                            String description, HazardState state, String reporterRole,
                            Instant reportedAt, LocalDate deadline, boolean overdue, int escalationLevel,
                            String transferredDepartmentId, Instant closedAt, long revision) {

    /** The stored fields a summary reads (the projection of the list queries). */
    static String[] fields() {
        return Arrays.stream(HazardSummary.class.getRecordComponents()).map(RecordComponent::getName)
                .map(name -> name.equals("id") ? "_id" : name).toArray(String[]::new);
    }
}
