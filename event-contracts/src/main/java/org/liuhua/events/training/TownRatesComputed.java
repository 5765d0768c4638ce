package org.liuhua.events.training;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A town's training rates for a month changed (published when the daily computation gives other figures): the
 * shares of the policy targets — shift briefings of the enterprises that file risk reports (≥ 40 %), quarterly
 * lectures by the principal (≥ 90 %), certified roles on duty with a valid certificate (100 %), enterprises taking
 * part in targeted learning (≥ 80 %) — and training person-times. Rates are null when their base is empty. Key:
 * {@code <townId>:<month>}; the latest event of a key is the town's current figure for that month.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.town-rates-computed.v1", topic = Topics.TRAINING)
public record TownRatesComputed(
        String townId,
        String month,
        int establishments,
        long shiftBriefingCount,
        long shiftBriefingBase,
        Double shiftBriefingRate,
        long quarterlyLectureCount,
        long quarterlyLectureBase,
        Double quarterlyLectureRate,
        long certifiedValid,
        long certifiedOnDuty,
        Double certifiedOnDutyRate,
        long learningParticipants,
        long learningBase,
        Double learningParticipationRate,
        long sessionPersonTimes,
        long learningPersonTimesYear,
        Instant computedAt) {
}
