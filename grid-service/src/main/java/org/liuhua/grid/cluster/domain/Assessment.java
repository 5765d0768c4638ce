package org.liuhua.grid.cluster.domain;

import java.time.Instant;
import java.util.List;

/** A standardisation assessment of a member enterprise (双七十): passed or the failed checklist items. */
public record Assessment(String establishmentId, boolean passed, List<String> failedItems, Instant assessedAt,
                         String assessor, Instant recordedAt) {
}
