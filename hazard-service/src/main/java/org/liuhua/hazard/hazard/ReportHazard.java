package org.liuhua.hazard.hazard;

import java.time.LocalDate;

/** The command to enter a hazard into the loop through the API; validated at the edge, checked again here. */
public record ReportHazard(String establishmentId, String townId, String category, Severity severity,
                           HazardSource source, String sourceRef, String description, LocalDate deadline) {
}
