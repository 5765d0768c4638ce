package org.liuhua.events.training;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * One examinee's spot-exam paper was answered and scored (score of 100; {@code passed} at the configured pass score),
 * linked to the inspection. Key: {@code examId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.spot-exam-paper-scored.v1", topic = Topics.TRAINING)
public record SpotExamPaperScored(
        String examId,
        String staffId,
        String establishmentId,
        String townId,
        String inspectionKind,
        String inspectionReference,
        int correct,
        int questions,
        int score,
        boolean passed,
        Instant scoredAt) {
}
