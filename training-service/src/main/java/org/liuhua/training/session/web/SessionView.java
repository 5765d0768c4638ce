package org.liuhua.training.session.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liuhua.training.session.domain.Session;

/** A session as the API shows it. */
public record SessionView(String id, String establishmentId, String townId, String type, LocalDate heldOn,
                          String month, String topic, String content, List<String> attendees, int attendeeCount,
                          String lecturerStaffId, String lecturerName, String lecturerRole, Integer durationMinutes,
                          List<String> photos, List<String> reviewers, String outcome, Instant recordedAt) {

    public static SessionView of(Session s) {
        return new SessionView(s.id(), s.establishmentId(), s.townId(), s.type().name(), s.heldOn(), s.month(),
                s.topic(), s.content(), s.attendees(), s.attendeeCount(), s.lecturerStaffId(), s.lecturerName(),
                s.lecturerRole(), s.durationMinutes(), s.photos(), s.reviewers(), s.outcome(), s.recordedAt());
    }
}
