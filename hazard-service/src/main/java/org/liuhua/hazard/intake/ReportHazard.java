package org.liuhua.hazard.intake;

import java.time.LocalDate;

import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;

/** The command to enter a hazard into the loop through the API; validated at the edge, checked again here. */
public record ReportHazard(String establishmentId, String townId, String category, Severity severity,
                           HazardSource source, String sourceRef, String description, LocalDate deadline) {
}
