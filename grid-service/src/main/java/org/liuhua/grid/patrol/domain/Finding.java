package org.liuhua.grid.patrol.domain;

import java.time.Instant;

/**
 * A finding recorded on a patrol; becomes a GRID_PATROL hazard in hazard-service. Until grid-service learns that it
 * did, it can be corrected ({@code correctedAt}) or withdrawn ({@code withdrawnAt}, kept, no longer counted).
 */
public record Finding(String findingId, String establishmentId, String category, String severity,
                      String description, String checklistItemId, Instant deviceTime, Instant receivedAt,
                      Instant correctedAt, Instant withdrawnAt, String withdrawnReason) {

    public Finding(String findingId, String establishmentId, String category, String severity, String description,
                   String checklistItemId, Instant deviceTime, Instant receivedAt) {
        this(findingId, establishmentId, category, severity, description, checklistItemId, deviceTime, receivedAt,
                null, null, null);
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    Finding corrected(String newCategory, String newSeverity, String newDescription, String newChecklistItemId,
                      Instant now) {
        return new Finding(findingId, establishmentId, newCategory, newSeverity, newDescription, newChecklistItemId,
                deviceTime, receivedAt, now, null, null);
    }

    Finding withdrawnAt(Instant now, String reason) {
        return new Finding(findingId, establishmentId, category, severity, description, checklistItemId, deviceTime,
                receivedAt, correctedAt, now, reason);
    }
}
