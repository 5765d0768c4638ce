package org.liuhua.grid.patrol.domain;

import java.time.Instant;

/** A finding recorded on a patrol; becomes a GRID_PATROL hazard in hazard-service. */
public record Finding(String findingId, String establishmentId, String category, String severity,
                      String description, String checklistItemId, Instant deviceTime, Instant receivedAt) {
}
