package org.liuhua.hazard.interview.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.Text;

/**
 * A warning interview as submitted: {@code heldOn} as the ISO day it was held ({@code 2026-11-18}), the reason, who
 * attended, optionally the supervising department and the hazards it was about. {@link #problems} names every bad
 * field at once.
 */
public record InterviewDraft(String establishmentId, String heldOn, String departmentId, String reason,
                             List<String> attendees, List<String> relatedHazardIds) {

    public static final int MAX_REASON = 500;
    public static final int MAX_ATTENDEES = 50;
    public static final int MAX_HAZARDS = 50;
    /** Ids (establishment, department, hazard) are at most this long. */
    public static final int MAX_ID = 64;
    /** An interview is recorded within this many years of the day it was held (older ones belong to the archive). */
    public static final int MAX_YEARS_BACK = 2;

    public InterviewDraft {
        establishmentId = Text.strippedOrNull(establishmentId);
        heldOn = Text.strippedOrNull(heldOn);
        departmentId = Text.strippedOrNull(departmentId);
        reason = reason == null ? null : reason.strip();
    }

    /** Every problem of the draft, each naming its field; {@code today} is the city's day. */
    public List<FieldProblem> problems(LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (establishmentId == null) {
            problems.add(new FieldProblem("establishmentId", "is required"));
        } else if (establishmentId.length() > MAX_ID) {
            problems.add(new FieldProblem("establishmentId", "must be at most " + MAX_ID + " characters"));
        }
        if (departmentId != null && departmentId.length() > MAX_ID) {
            problems.add(new FieldProblem("departmentId", "must be at most " + MAX_ID + " characters"));
        }
        if (heldOn == null) {
            problems.add(new FieldProblem("heldOn", "is required (a day like 2026-11-18)"));
        } else {
            try {
                LocalDate day = LocalDate.parse(heldOn);
                if (day.isAfter(today)) {
                    problems.add(new FieldProblem("heldOn", "must not be in the future (today is " + today + ")"));
                } else if (day.isBefore(today.minusYears(MAX_YEARS_BACK))) {
                    problems.add(new FieldProblem("heldOn", "must lie within the last " + MAX_YEARS_BACK
                            + " years (since " + today.minusYears(MAX_YEARS_BACK) + ")"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("heldOn", "must be a day like 2026-11-18"));
            }
        }
        if (reason == null || reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "is required"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (attendees == null || attendees.isEmpty()) {
            problems.add(new FieldProblem("attendees", "must name at least one person who attended"));
        } else if (attendees.size() > MAX_ATTENDEES) {
            problems.add(new FieldProblem("attendees", "must name at most " + MAX_ATTENDEES + " people"));
        } else if (attendees.stream().anyMatch(a -> a == null || a.isBlank() || a.length() > 100)) {
            problems.add(new FieldProblem("attendees", "every entry must be a name of 1 to 100 characters"));
        }
        if (relatedHazardIds != null && (relatedHazardIds.size() > MAX_HAZARDS
                || relatedHazardIds.stream().anyMatch(h -> h == null || h.isBlank() || h.length() > MAX_ID))) {
            problems.add(new FieldProblem("relatedHazardIds", "must be at most " + MAX_HAZARDS + " hazard ids"));
        }
        return problems;
    }

    public LocalDate heldOnDay() {
        return LocalDate.parse(heldOn);
    }
}
