package org.liuhua.events.manual;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A checklist run (an enterprise self-check, a grid patrol, a third-party inspection) was completed: how many items
 * were checked, passed and failed, how many of the failed ones are major. Key: {@code runId}. {@code month} (city
 * calendar) feeds the monthly table's "enterprises self-checking" column.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.checklist-run-completed.v1", topic = Topics.MANUAL)
public record ChecklistRunCompleted(
        String runId,
        String establishmentId,
        String townId,
        String departmentId,
        String source,
        int items,
        int passed,
        int failed,
        int majorFailed,
        String month,
        String completedBy,
        Instant completedAt) {
}
