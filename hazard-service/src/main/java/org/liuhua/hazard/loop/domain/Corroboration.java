package org.liuhua.hazard.loop.domain;

import java.time.Instant;

/**
 * A further finding of the same hazard from some source (H-2): kept on the hazard with its own source instead of
 * opening a second ticket. {@code sourceKey} identifies the finding across deliveries (e.g. {@code GRID_PATROL:<findingId>}).
 */
public record Corroboration(HazardSource source, String sourceRef, String sourceKey, String firmId, String reportedBy,
                            String description, Instant at) {
}
