package org.liuhua.hazard.loop.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A finding entering the ledger from any source, already resolved against the local establishment copy.
 * {@code sourceKey} identifies the finding across deliveries and retries (null when the source has none).
 */
public record Finding(String establishmentId, String townId, String departmentId, String industry, String category,
                      Severity severity, HazardSource source, String sourceRef, String sourceKey, String firmId,
                      String description, LocalDate deadline, Instant foundAt) {
}
