package org.liuhua.grid.cluster.domain;

import java.time.Instant;
import java.util.List;

/**
 * A standardisation assessment of a member enterprise (双七十): passed or the failed assessment items
 * ({@code failedItems}, free text codes of the assessment form), and optionally the codes of manual-service's
 * hazard-check items the assessor found failing ({@code checklistItemCodes}, validated; empty for older
 * assessments).
 */
public record Assessment(String establishmentId, boolean passed, List<String> failedItems, Instant assessedAt,
                         String assessor, Instant recordedAt, List<String> checklistItemCodes) {

    public Assessment {
        checklistItemCodes = checklistItemCodes == null ? List.of() : List.copyOf(checklistItemCodes);
    }
}
