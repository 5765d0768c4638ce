package org.liuhua.events.manual;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A staff member acknowledged having read a card in the revision shown (M-4). Key: {@code acknowledgementId}
 * ({@code cardId:revision:staffId}, so a repeated acknowledgement is the same one).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.card-acknowledged.v1", topic = Topics.MANUAL)
public record CardAcknowledged(
        String acknowledgementId,
        String cardId,
        int cardRevision,
        String establishmentId,
        String townId,
        String staffId,
        String staffName,
        Instant acknowledgedAt) {
}
