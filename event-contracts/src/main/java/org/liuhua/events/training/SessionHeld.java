package org.liuhua.events.training;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A training session was held (T-3): {@code type} SHIFT_BRIEFING (班前班后五分钟), QUARTERLY_LECTURE (一季一课, by the
 * principal), SEASON_OPENING (开工第一课), MGMT_211 ("211" 培训) or PRINCIPAL_REVIEW (一述三评 / 一述四评一诺). Key:
 * {@code sessionId}. {@code attendeeCount} counts as training person-times; {@code month} is the city's month key.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.session-held.v1", topic = Topics.TRAINING)
public record SessionHeld(
        String sessionId,
        String establishmentId,
        String townId,
        String type,
        LocalDate heldOn,
        String month,
        int attendeeCount,
        String lecturerRole,
        Instant recordedAt) {
}
