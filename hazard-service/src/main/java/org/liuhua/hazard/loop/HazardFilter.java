package org.liuhua.hazard.loop;

import java.time.Instant;

import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.hazard.loop.domain.Severity;

/** Filters of the hazard list; null means any. {@code from}/{@code to} bound {@code reportedAt}. */
public record HazardFilter(String establishmentId, String townId, String departmentId, String category,
                           HazardState state, HazardSource source, Severity severity, Boolean overdue, Instant from,
                           Instant to) {
}
