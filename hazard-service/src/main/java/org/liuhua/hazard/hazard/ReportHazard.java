package org.liuhua.hazard.hazard;

import java.time.LocalDate;

/** The command to enter a hazard into the loop; validated at the edge, checked again by the aggregate. */
public record ReportHazard(String establishmentId, String townId, String category, Severity severity,
                           HazardSource source, String sourceRef, String description, LocalDate deadline) {
}
