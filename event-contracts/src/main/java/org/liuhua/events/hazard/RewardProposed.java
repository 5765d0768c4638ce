package org.liuhua.events.hazard;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The reward (举报奖励) a verified public report earned for its hazard was proposed at the amount the city's rule gives
 * for the hazard's severity. Key: {@code rewardId} (the hazard id). Carries no personal data: neither the reporter nor
 * the report's tracking code. {@code proposedBy} is the proposing officer's token subject.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.reward-proposed.v1", topic = Topics.HAZARD)
public record RewardProposed(
        String rewardId,
        String hazardId,
        String townId,
        String severity,
        BigDecimal amountCny,
        String proposedBy,
        String proposerRole,
        Instant proposedAt) {
}
