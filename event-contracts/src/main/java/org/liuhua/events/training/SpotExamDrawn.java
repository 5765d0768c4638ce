package org.liuhua.events.training;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A spot exam (逢查必考, T-6) was drawn at an inspection: {@code inspectionKind} GRID_PATROL (a grid patrol id) or
 * ENFORCEMENT (an enforcement reference). Key: {@code examId}. {@code examinees} are staff ids.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.spot-exam-drawn.v1", topic = Topics.TRAINING)
public record SpotExamDrawn(
        String examId,
        String inspectionKind,
        String inspectionReference,
        String establishmentId,
        String townId,
        List<String> examinees,
        int questionsPerPerson,
        Instant drawnAt) {
}
