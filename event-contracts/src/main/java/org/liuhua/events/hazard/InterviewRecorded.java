package org.liuhua.events.hazard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A warning interview (约谈警示) of an establishment's principal was recorded by the supervising side: held on
 * {@code heldOn} by {@code departmentId} for {@code reason}, with the people who attended, optionally about some
 * hazards. Key: {@code interviewId}. {@code month} is the city's month of {@code heldOn}; it feeds the monthly
 * table's "warning interviews" column. Not a hazard's life-cycle event: it carries no hazard snapshot.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.interview-recorded.v1", topic = Topics.HAZARD)
public record InterviewRecorded(
        String interviewId,
        String establishmentId,
        String establishmentName,
        String townId,
        String departmentId,
        LocalDate heldOn,
        String month,
        String reason,
        List<String> attendees,
        List<String> relatedHazardIds,
        String recordedBy,
        Instant recordedAt) {

    public InterviewRecorded {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        relatedHazardIds = relatedHazardIds == null ? List.of() : List.copyOf(relatedHazardIds);
    }
}
