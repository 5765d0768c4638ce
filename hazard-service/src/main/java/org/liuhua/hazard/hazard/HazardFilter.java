package org.liuhua.hazard.hazard;

import java.time.Instant;

/** Filters of the hazard list; null means any. {@code from}/{@code to} bound {@code reportedAt}. */
public record HazardFilter(String establishmentId, String townId, String departmentId, String category,
                           HazardState state, HazardSource source, Severity severity, Boolean overdue, Instant from,
                           Instant to) {
}
