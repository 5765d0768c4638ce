package org.liuhua.hazard.interview.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liuhua.events.hazard.InterviewRecorded;
import org.liuhua.kit.domain.AggregateRoot;

/**
 * A warning interview (约谈警示) of an establishment's principal by the supervising side, recorded once; it feeds the
 * monthly table's "warning interviews" column. Placed at the establishment's town when recorded.
 */
public class Interview extends AggregateRoot {

    private String id;
    private String establishmentId;
    private String establishmentName;
    private String townId;
    private String departmentId;
    private LocalDate heldOn;
    private String month;
    private String reason;
    private List<String> attendees;
    private List<String> relatedHazardIds;
    private String recordedBy;
    private String recordedByName;
    private String recorderRole;
    private Instant recordedAt;

    protected Interview() {
    }

    /**
     * Records an interview of a valid draft at a known establishment.
     *
     * @param month the city's month of {@code heldOn} ({@code 2026-11})
     */
    public static Interview record(String id, InterviewDraft draft, String establishmentName, String townId,
                                   String departmentId, String month, String recordedBy, String recordedByName,
                                   String recorderRole, Instant now) {
        Interview i = new Interview();
        i.id = id;
        i.establishmentId = draft.establishmentId();
        i.establishmentName = establishmentName;
        i.townId = townId;
        i.departmentId = departmentId;
        i.heldOn = draft.heldOnDay();
        i.month = month;
        i.reason = draft.reason();
        i.attendees = draft.attendees().stream().map(String::strip).toList();
        i.relatedHazardIds = draft.relatedHazardIds() == null ? List.of()
                : draft.relatedHazardIds().stream().map(String::strip).distinct().toList();
        i.recordedBy = recordedBy;
        i.recordedByName = recordedByName;
        i.recorderRole = recorderRole;
        i.recordedAt = now;
        i.registerEvent(new InterviewRecorded(id, i.establishmentId, establishmentName, townId, departmentId,
                i.heldOn, month, i.reason, i.attendees, i.relatedHazardIds, recordedBy, now));
        return i;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public String establishmentId() {
        return establishmentId;
    }

    public String establishmentName() {
        return establishmentName;
    }

    public String townId() {
        return townId;
    }

    public String departmentId() {
        return departmentId;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public String month() {
        return month;
    }

    public String reason() {
        return reason;
    }

    public List<String> attendees() {
        return attendees;
    }

    public List<String> relatedHazardIds() {
        return relatedHazardIds;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String recordedByName() {
        return recordedByName;
    }

    public String recorderRole() {
        return recorderRole;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
