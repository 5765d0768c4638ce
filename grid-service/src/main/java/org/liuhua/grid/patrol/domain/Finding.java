package org.liuhua.grid.patrol.domain;

import java.time.Instant;
import java.util.List;

/**
 * A finding recorded on a patrol; becomes a GRID_PATROL hazard in hazard-service. Until grid-service learns that it
 * did, it can be corrected ({@code correctedAt}) or withdrawn ({@code withdrawnAt}, kept, no longer counted).
 * {@code photoIds} name photos the app uploaded to hazard-service's evidence store before the sync (only the ids are
 * kept here and carried by the event; hazard-service attaches them to the hazard, ADR 0012).
 */
public record Finding(String findingId, String establishmentId, String category, String severity,
                      String description, String checklistItemId, Instant deviceTime, Instant receivedAt,
                      Instant correctedAt, Instant withdrawnAt, String withdrawnReason, List<String> photoIds) {

    public Finding {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    public Finding(String findingId, String establishmentId, String category, String severity, String description,
                   String checklistItemId, Instant deviceTime, Instant receivedAt, List<String> photoIds) {
        this(findingId, establishmentId, category, severity, description, checklistItemId, deviceTime, receivedAt,
                null, null, null, photoIds);
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    Finding corrected(String newCategory, String newSeverity, String newDescription, String newChecklistItemId,
                      Instant now) {
        return new Finding(findingId, establishmentId, newCategory, newSeverity, newDescription, newChecklistItemId,
                deviceTime, receivedAt, now, null, null, photoIds);
    }

    Finding withdrawnAt(Instant now, String reason) {
        return new Finding(findingId, establishmentId, category, severity, description, checklistItemId, deviceTime,
                receivedAt, correctedAt, now, reason, photoIds);
    }
}
