package org.liuhua.grid.plan;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A hazard that hazard-service made of a patrol finding, and whether it is closed (from hazard events). */
@Document(collection = "finding_hazards")
public record FindingHazard(@Id String hazardId, String findingId, String establishmentId, Boolean closed,
                            Instant closedAt) {
}
