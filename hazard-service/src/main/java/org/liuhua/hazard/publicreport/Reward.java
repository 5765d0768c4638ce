package org.liuhua.hazard.publicreport;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The reward earned by a verified public report (举报奖励); one per report (id = the report's code). */
@Document(collection = PublicReports.REWARDS)
public record Reward(@Id String reportCode, String hazardId, String townId, BigDecimal amountCny, String state,
                     Instant createdAt) {
}
