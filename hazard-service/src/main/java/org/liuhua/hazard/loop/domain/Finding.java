package org.liuhua.hazard.loop.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A finding entering the ledger from any source, already resolved against the local establishment copy.
 * {@code sourceKey} identifies the finding across deliveries and retries (null when the source has none).
 * {@code channel} says how it came in within its source, where a source has several: a public report's channel
 * (随手拍, 12345, 12350, internal whistle-blower), a monitoring system's kind (IoT sensor, AI video); else null.
 */
public record Finding(String establishmentId, String townId, String departmentId, String industry, String category,
                      Severity severity, HazardSource source, String sourceRef, String sourceKey, String firmId,
                      String description, LocalDate deadline, Instant foundAt, String channel) {
}
