package org.liuhua.hazard.publicreport;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The reward of a hazard first reported by a verified public report (举报奖励): one per hazard, decided once, so its
 * key is the hazard id. Rewards stored before were keyed by the report's code ({@code reportCode} then absent).
 */
@Document(collection = PublicReports.REWARDS)
public record Reward(@Id String id, String reportCode, String hazardId, String townId, BigDecimal amountCny,
                     String state, Instant createdAt) {

    /** The report that earned it. */
    public String earnedBy() {
        return reportCode != null ? reportCode : id;
    }
}
