package org.liuhua.events.training;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/** A staff member redeemed learning points for a reward (学习积分有奖兑换, T-5). Key: {@code staffId}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.points-redeemed.v1", topic = Topics.TRAINING)
public record PointsRedeemed(
        String staffId,
        String establishmentId,
        String townId,
        String reward,
        int points,
        int balance,
        Instant redeemedAt) {
}
