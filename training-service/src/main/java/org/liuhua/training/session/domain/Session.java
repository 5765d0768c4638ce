package org.liuhua.training.session.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.events.training.SessionHeld;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.training.rules.domain.RuleViolationException;
import org.liuhua.training.staff.domain.StaffRole;

/**
 * A session held at an establishment (T-3): what was covered, who attended (staff ids and/or a head count), the
 * lecturer, photo evidence, and for a principal's review the reviewers and the outcome. A quarterly lecture
 * (一季一课) is refused unless its lecturer is the establishment's active principal.
 */
public class Session extends AggregateRoot {

    public static final String RULE_LECTURE_BY_PRINCIPAL = "QUARTERLY_LECTURE_BY_PRINCIPAL";

    /** The lecturer as found in the staff registry (null fields when not registered). */
    public record Lecturer(String staffId, String name, String establishmentId, StaffRole role, boolean active) {
    }

    private String id;
    private String establishmentId;
    private String townId;
    private SessionType type;
    private LocalDate heldOn;
    private String month;
    private String quarter;
    private String topic;
    private String content;
    private List<String> attendees = new ArrayList<>();
    private int attendeeCount;
    private String lecturerStaffId;
    private String lecturerName;
    private String lecturerRole;
    private Integer durationMinutes;
    private List<String> photos = new ArrayList<>();
    private List<String> reviewers = new ArrayList<>();
    private String outcome;
    private Instant recordedAt;
    private String recordedBy;

    Session() {
    }

    public static Session hold(String id, String establishmentId, String townId, SessionType type, LocalDate heldOn,
                               String month, String quarter, String topic, String content, List<String> attendees,
                               Integer attendeeCount, Lecturer lecturer, String lecturerName, Integer durationMinutes,
                               List<String> photos, List<String> reviewers, String outcome, Instant now, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> people = attendees == null ? List.of() : attendees.stream().distinct().toList();
        int count = attendeeCount == null ? people.size() : attendeeCount;
        if (type == null) {
            problems.add(new FieldProblem("type", "is required: SHIFT_BRIEFING, QUARTERLY_LECTURE, SEASON_OPENING,"
                    + " MGMT_211 or PRINCIPAL_REVIEW"));
        }
        if (heldOn == null) {
            problems.add(new FieldProblem("heldOn", "is required"));
        }
        if (blank(topic) && blank(content)) {
            problems.add(new FieldProblem("content", "say what was covered (topic or content)"));
        }
        if (count < 1 || count < people.size()) {
            problems.add(new FieldProblem("attendees", "at least one attendee; attendeeCount not below the names"));
        }
        if (type == SessionType.PRINCIPAL_REVIEW) {
            if (reviewers == null || reviewers.isEmpty()) {
                problems.add(new FieldProblem("reviewers", "a principal's review names its reviewers"));
            }
            if (blank(outcome)) {
                problems.add(new FieldProblem("outcome", "a principal's review records its outcome"));
            }
        }
        if (type == SessionType.QUARTERLY_LECTURE && lecturer == null) {
            problems.add(new FieldProblem("lecturerStaffId", "a quarterly lecture names its lecturer from the staff"
                    + " registry"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (type == SessionType.QUARTERLY_LECTURE && !(lecturer.role() == StaffRole.PRINCIPAL && lecturer.active()
                && establishmentId.equals(lecturer.establishmentId()))) {
            throw new RuleViolationException(RULE_LECTURE_BY_PRINCIPAL, "lecturerStaffId", "一季一课: the quarterly"
                    + " lecture must be delivered by the establishment's principal (主要负责人); "
                    + lecturer.staffId() + " is " + (lecturer.active() ? lecturer.role() : "not active")
                    + (establishmentId.equals(lecturer.establishmentId()) ? "" : " of another establishment"));
        }
        Session s = new Session();
        s.id = id;
        s.establishmentId = establishmentId;
        s.townId = townId;
        s.type = type;
        s.heldOn = heldOn;
        s.month = month;
        s.quarter = quarter;
        s.topic = topic;
        s.content = content;
        s.attendees = new ArrayList<>(people);
        s.attendeeCount = count;
        if (lecturer != null) {
            s.lecturerStaffId = lecturer.staffId();
            s.lecturerName = lecturer.name();
            s.lecturerRole = lecturer.role() == null ? null : lecturer.role().name();
        } else {
            s.lecturerName = lecturerName;
        }
        s.durationMinutes = durationMinutes;
        s.photos = photos == null ? new ArrayList<>() : new ArrayList<>(photos);
        s.reviewers = reviewers == null ? new ArrayList<>() : new ArrayList<>(reviewers);
        s.outcome = outcome;
        s.recordedAt = now;
        s.recordedBy = by;
        s.registerEvent(new SessionHeld(id, establishmentId, townId, type.name(), heldOn, month, count,
                s.lecturerRole, now));
        return s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String establishmentId() { return establishmentId; }
    public String townId() { return townId; }
    public SessionType type() { return type; }
    public LocalDate heldOn() { return heldOn; }
    public String month() { return month; }
    public String quarter() { return quarter; }
    public String topic() { return topic; }
    public String content() { return content; }
    public List<String> attendees() { return List.copyOf(attendees); }
    public int attendeeCount() { return attendeeCount; }
    public String lecturerStaffId() { return lecturerStaffId; }
    public String lecturerName() { return lecturerName; }
    public String lecturerRole() { return lecturerRole; }
    public Integer durationMinutes() { return durationMinutes; }
    public List<String> photos() { return List.copyOf(photos); }
    public List<String> reviewers() { return List.copyOf(reviewers); }
    public String outcome() { return outcome; }
    public Instant recordedAt() { return recordedAt; }
}
