package org.liuhua.reporting.hazards.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What reporting-service reads from any hazard event: every hazard event carries the hazard's state after it (ADR 2),
 * so one view serves them all; the fields of one event type only are null in the others. Unknown fields are ignored
 * (the kit's event JSON tolerates them).
 */
public record HazardChange(String hazardId, String establishmentId, String townId, String departmentId,
                           String industry, String category, String severity, String source, String state,
                           LocalDate deadline, Boolean overdue, long revision, Instant occurredAt, Instant reportedAt,
                           Instant closedAt, String kind, String caseNumber, BigDecimal penaltyAmountCny,
                           Integer level, String transferredDepartmentId, Boolean passed,
                           String toDepartmentId) {

    /** A change the read model can key: it names its hazard and the state after it. */
    public boolean isComplete() {
        return hazardId != null && !hazardId.isBlank() && state != null && !state.isBlank();
    }
}
