package org.liuhua.events.manual;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A handbook's periodic review (default yearly) is due soon or overdue: a reminder for the establishment and its
 * town. Sent once per due date. Key: {@code establishmentId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.handbook-review-due.v1", topic = Topics.MANUAL)
public record HandbookReviewDue(
        String establishmentId,
        String townId,
        String departmentId,
        LocalDate dueOn,
        boolean overdue,
        Instant remindedAt) {
}
