package org.liuhua.grid.cluster.domain;

import java.time.Instant;
import java.util.List;

/**
 * A standardisation assessment of a member enterprise (双七十): passed or the failed assessment items
 * ({@code failedItems}, free text codes of the assessment form), and optionally the codes of manual-service's
 * hazard-check items the assessor found failing ({@code checklistItemCodes}, validated; empty for older
 * assessments). It counts only once the town safety office signed it off ({@code signedOffBy}, {@code signedOffAt};
 * zhangjiagang 2022: 经区镇、街道安监部门审核签字). {@code assessmentId} is null for assessments from before sign-off existed.
 */
public record Assessment(String establishmentId, boolean passed, List<String> failedItems, Instant assessedAt,
                         String assessor, Instant recordedAt, List<String> checklistItemCodes, String assessmentId,
                         String signedOffBy, Instant signedOffAt) {

    public Assessment {
        checklistItemCodes = checklistItemCodes == null ? List.of() : List.copyOf(checklistItemCodes);
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
    }

    public boolean signedOff() {
        return signedOffAt != null;
    }

    Assessment signOff(String signer, Instant at) {
        return new Assessment(establishmentId, passed, failedItems, assessedAt, assessor, recordedAt,
                checklistItemCodes, assessmentId, signer, at);
    }
}
