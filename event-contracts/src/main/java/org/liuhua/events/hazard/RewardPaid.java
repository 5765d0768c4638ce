package org.liuhua.events.hazard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An approved reward (举报奖励兑现) was paid on {@code paidOn} under the payment's reference (the finance voucher or
 * transfer number). Key: {@code rewardId} (the hazard id). {@code recordedBy} is the token subject of the officer who
 * recorded the payment; the payee is never named.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.reward-paid.v1", topic = Topics.HAZARD)
public record RewardPaid(
        String rewardId,
        String hazardId,
        String townId,
        BigDecimal amountCny,
        String paymentReference,
        LocalDate paidOn,
        String recordedBy,
        String recorderRole,
        Instant recordedAt) {
}
