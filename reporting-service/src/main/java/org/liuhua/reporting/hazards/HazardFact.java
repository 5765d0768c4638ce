package org.liuhua.reporting.hazards;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One hazard as the cockpit counts it, built from hazard events only. {@code revision} is the hazard's version of
 * the last event applied: an older or repeated event never overwrites a newer state.
 */
@Document(collection = "hazard_facts")
public record HazardFact(@Id String hazardId, String establishmentId, String townId, String category,
                         String severity, String source, String state, Instant reportedAt, LocalDate deadline,
                         long revision) {
}
