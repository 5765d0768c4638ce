package org.liuhua.reporting.hazards;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What reporting-service reads from any hazard event: every hazard event carries the hazard's state after it
 * (ADR 2), so one shape serves them all; type-specific fields are null where absent. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HazardChange(String hazardId, String establishmentId, String townId, String departmentId, String category,
                    String severity, String source, String state, LocalDate deadline, Boolean overdue,
                    long revision, Instant occurredAt, Instant reportedAt, Instant closedAt, String kind,
                    String caseNumber, BigDecimal penaltyAmountCny, Integer level) {
}
