package org.liuhua.events.training;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A staff member completed an assigned course of targeted learning (安全到岗, T-5): one training person-time, and
 * {@code points} learning points. Key: {@code completionId} ({@code <courseId>:<staffId>}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.course-completed.v1", topic = Topics.TRAINING)
public record CourseCompleted(
        String completionId,
        String courseId,
        String staffId,
        String establishmentId,
        String townId,
        LocalDate completedOn,
        String month,
        int points,
        Instant recordedAt) {
}
