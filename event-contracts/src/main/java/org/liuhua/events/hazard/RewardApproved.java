package org.liuhua.events.hazard;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A proposed reward (举报奖励) was approved by the city, by another officer than the one who proposed it. Key:
 * {@code rewardId} (the hazard id). {@code approvedBy} is the approving officer's token subject.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.reward-approved.v1", topic = Topics.HAZARD)
public record RewardApproved(
        String rewardId,
        String hazardId,
        String townId,
        BigDecimal amountCny,
        String approvedBy,
        String approverRole,
        Instant approvedAt) {
}
